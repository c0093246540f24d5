package kyodo.wallet.browser;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.earning.Activities;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Earning in a real (headless) browser: a coordinator confirms hours, the resident sees the points and their expiry. */
class EarningBrowserTest extends kyodo.wallet.WalletWebTest {
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Autowired
    Directory directory;
    @Autowired
    Activities activities;
    @Autowired
    PointsProperties points;
    @Autowired
    Clock clock;

    @Test
    void aCoordinatorConfirmsHoursAndTheResidentSeesThePointsAndTheirExpiryDate() {
        budget.raise(FiscalYear.current(clock), TEST_BUDGET, "test", "test-budget");
        User coordinator = registrar.createUser("browsercoord", "コーディネーター", PASSWORD,
                Role.GROUP_COORDINATOR).user();
        Group group = directory.register(coordinator.actor(),
                new Directory.Registration("ブラウザ団体", "VOLUNTARY", "代表", "contact@example.jp",
                        Field.ENVIRONMENT.code(), "", List.of()));
        directory.decide(users.findByUsername("staff").orElseThrow().actor(), group.id(), true, "規約と代表者の本人確認書類を確認");
        Instant ends = clock.instant().minus(Duration.ofMinutes(30));
        long activity = activities.create(group.id(), "花壇の手入れ", "", "区役所前", ends.minus(Duration.ofHours(2)),
                ends, 10, 120, coordinator.userId(), ends.minus(Duration.ofDays(3)));
        User resident = resident(0);
        activities.signUp(activity, resident.id(), ends.minus(Duration.ofDays(1)));

        browser.manage().deleteAllCookies();
        signIn(coordinator.username());
        assertThat(browser.getCurrentUrl()).endsWith("/home");
        assertThat(text("waiting-hours-" + activity)).contains("花壇の手入れ").contains("1人");
        browser.findElement(By.id("waiting-hours-" + activity)).click();
        assertThat(text("activity-title")).isEqualTo("花壇の手入れ");
        // no check-in: the suggestion is the whole activity; the coordinator corrects it to 1.5 hours
        assertThat(browser.findElement(By.id("hours-" + resident.id())).getAttribute("value")).isEqualTo("2");
        browser.findElement(By.id("hours-" + resident.id())).clear();
        browser.findElement(By.id("hours-" + resident.id())).sendKeys("0");
        browser.findElement(By.id("confirm-" + resident.id())).click();
        assertThat(text("confirm-error")).contains("0より大きく");
        browser.findElement(By.id("hours-" + resident.id())).clear();
        browser.findElement(By.id("hours-" + resident.id())).sendKeys("1.5");
        browser.findElement(By.id("confirm-" + resident.id())).click();
        assertThat(text("confirm-notice")).isNotEmpty();
        assertThat(text("issued-" + resident.id())).contains("180 pt");
        signOut();

        signIn(resident.username());
        assertThat(browser.getCurrentUrl()).endsWith("/home");
        assertThat(text("fact-balance")).isEqualTo("180 pt");
        browser.get(browser.findElement(By.id("card-wallet")).getAttribute("href"));
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/wallet"));
        assertThat(text("balance")).isEqualTo("180 pt");
        String lastDay = points.lastDay(BusinessCalendar.thisMonth(clock)).toString();
        assertThat(text("expiring")).contains("180 pt").contains(lastDay);
        assertThat(text("history")).contains("+180 pt");
        browser.get(local("/wallet?lang=en"));
        assertThat(text("expiring")).isEqualTo("180 pt expire on " + lastDay);
        browser.get(local("/activities?lang=ja"));
        assertThat(text("my-hours")).contains("1.5").contains("180 pt");
    }

    private void signIn(String username) {
        browser.signIn(username, PASSWORD);
    }

    private void signOut() {
        browser.signOut();
    }

    private String text(String id) {
        return browser.text(id);
    }

    private String local(String path) {
        return browser.url(path);
    }
}

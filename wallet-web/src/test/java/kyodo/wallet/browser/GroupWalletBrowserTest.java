package kyodo.wallet.browser;

import kyodo.fund.directory.Group;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.transfer.Sender;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group coordinator in a real (headless) browser: signs in, opens the group's wallet from their home, sees the
 * points a resident gave the group, sends some to another resident, who signs in and sees them arrive. A
 * coordinator of another group who opens the same address finds nothing there. With {@code -Dkyodo.screenshots=<dir>}
 * the wallet page is also saved as PNGs at phone and desktop width, in Japanese and English.
 */
class GroupWalletBrowserTest extends WalletWebTest {
    private static final int DESKTOP_WIDTH = 1280;
    private static final int SCREENSHOT_PHONE_WIDTH = 390;

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Autowired
    Sender sender;

    @Test
    void aCoordinatorSpendsTheGroupsPointsOnAResidentWhoSeesThemArrive() throws IOException {
        User coordinator = newCoordinator();
        Group group = verifiedGroup(coordinator, "さくら川を守る会 " + coordinator.id());
        User giver = resident(1_000);
        assertThat(sender.send(giver.userId(), WalletOwner.group(group.id()), "800", "清掃活動の軍手代に",
                QrCodes.nonce()).ok()).isTrue();
        User helper = resident(0);

        signIn(coordinator.username());
        assertThat(browser.getCurrentUrl()).endsWith("/home");
        assertThat(text("fact-group-" + group.id().value())).isEqualTo("800 pt");
        browser.findElement(By.id("card-activities")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/coordinator/activities"));
        String link = "group-wallet-" + group.id().value();
        assertThat(text(link)).contains(group.name());
        browser.findElement(By.id(link)).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/groups/" + group.id().value() + "/wallet"));
        assertThat(text("balance")).isEqualTo("800 pt");
        assertThat(text("history")).contains(giver.displayName()).contains("清掃活動の軍手代に").contains("+800 pt");
        assertNoHorizontalScroll();

        assertThat(browser.findElement(By.id("send-to")).isDisplayed()).as("the form opens on demand").isFalse();
        browser.findElement(By.id("send-toggle")).click();
        browser.findElement(By.id("send-to")).sendKeys(helper.username());
        browser.findElement(By.id("send-amount")).sendKeys("300");
        browser.findElement(By.id("send-note")).sendKeys("草刈りのお礼");
        browser.findElement(By.id("send-submit")).click();
        waitFor(d -> !d.findElements(By.id("sent-notice")).isEmpty());
        assertThat(text("balance")).isEqualTo("500 pt");
        assertThat(text("history")).contains(helper.displayName()).contains("草刈りのお礼").contains("-300 pt");
        screenshots(group);
        signOut();

        signIn(helper.username());
        assertThat(browser.getCurrentUrl()).endsWith("/home");
        assertThat(text("fact-balance")).isEqualTo("300 pt");
        browser.get(browser.findElement(By.id("card-wallet")).getAttribute("href"));
        waitFor(d -> d.getCurrentUrl().endsWith("/wallet"));
        assertThat(text("balance")).isEqualTo("300 pt");
        assertThat(text("history")).contains(group.name()).contains("草刈りのお礼").contains("+300 pt");
        signOut();

        User stranger = newCoordinator();
        verifiedGroup(stranger, "よその会 " + stranger.id());
        signIn(stranger.username());
        browser.get(local("/groups/" + group.id().value() + "/wallet"));
        assertThat(browser.findElements(By.id("group-wallet-missing"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(group.name()).doesNotContain("500 pt");
        assertThat(browser.findElements(By.id("send-submit"))).isEmpty();
    }

    @Test
    void aCoordinatorGivesTheGroupsPointsToTheFundAfterConfirmingTheAmount() {
        User coordinator = newCoordinator();
        Group group = verifiedGroup(coordinator, "みどり会 " + coordinator.id());
        User giver = resident(600);
        assertThat(sender.send(giver.userId(), WalletOwner.group(group.id()), "500", "活動費に",
                QrCodes.nonce()).ok()).isTrue();

        signIn(coordinator.username());
        browser.get(local("/groups/" + group.id().value() + "/wallet"));
        assertThat(text("balance")).isEqualTo("500 pt");
        assertThat(browser.findElement(By.id("donate-amount")).isDisplayed()).as("the form opens on demand")
                .isFalse();
        browser.findElement(By.id("donate-toggle")).click();
        browser.findElement(By.id("donate-amount")).sendKeys("100");
        browser.findElement(By.id("donate-review")).click();
        waitFor(d -> !d.findElements(By.id("donate-confirm")).isEmpty());
        assertThat(text("donate-confirm-text")).isEqualTo(group.name() + "のポイント 100 pt を基金に寄附します。");
        assertThat(text("balance")).as("nothing given before confirming").isEqualTo("500 pt");
        browser.findElement(By.id("donate-confirm")).click();
        waitFor(d -> !d.findElements(By.id("donated-notice")).isEmpty());
        assertThat(text("donated-notice")).contains("100 pt");
        assertThat(text("balance")).isEqualTo("400 pt");
        assertThat(text("history")).contains("基金(ポイントの寄附)").contains("-100 pt");
        assertNoHorizontalScroll();
        signOut();
    }

    /** The wallet page at a phone's and a desktop's width, Japanese and English, whole page, when asked for. */
    private void screenshots(Group group) throws IOException {
        String directory = System.getProperty("kyodo.screenshots", "");
        if (directory.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(directory));
        String page = local("/groups/" + group.id().value() + "/wallet");
        for (String lang : new String[] {"ja", "en"}) {
            for (int width : new int[] {SCREENSHOT_PHONE_WIDTH, DESKTOP_WIDTH}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(page + "?lang=" + lang);
                long height = ((Number) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollHeight;")).longValue();
                browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
                assertNoHorizontalScroll();
                Files.write(out.resolve("group-wallet-" + width + "-" + lang + ".png"),
                        browser.driver().getScreenshotAs(OutputType.BYTES));
                ((JavascriptExecutor) browser).executeScript(
                        "document.querySelectorAll('details.action').forEach(d => d.open = true);");
                height = ((Number) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollHeight;")).longValue();
                browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
                Files.write(out.resolve("group-wallet-" + width + "-" + lang + "-forms.png"),
                        browser.driver().getScreenshotAs(OutputType.BYTES));
            }
        }
        browser.manage().window().setSize(new Dimension(SCREENSHOT_PHONE_WIDTH, 900));
        browser.get(local("/coordinator/activities?lang=ja"));
        Files.write(out.resolve("coordinator-home-" + SCREENSHOT_PHONE_WIDTH + "-ja.png"),
                browser.driver().getScreenshotAs(OutputType.BYTES));
        browser.get(page + "?lang=ja");
        browser.manage().window().setSize(new Dimension(BrowserExtension.PHONE_WIDTH, 800));
    }

    private void signIn(String username) {
        browser.signIn(username, PASSWORD);
    }

    private void signOut() {
        browser.signOut();
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.waitUntil(condition);
    }

    private String text(String id) {
        return browser.text(id);
    }

    private String local(String path) {
        return browser.url(path);
    }

    private void assertNoHorizontalScroll() {
        browser.assertNoHorizontalScroll();
    }
}

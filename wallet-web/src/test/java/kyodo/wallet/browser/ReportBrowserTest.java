package kyodo.wallet.browser;

import kyodo.fund.access.Actor;
import kyodo.fund.donation.DonationDesk;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.wallet.WalletWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public fund report in a real (headless) browser on a phone-sized screen, signed out: the charts are inline
 * SVG that the browser draws (with their titles), each with its table, in Japanese and then in English.
 */
class ReportBrowserTest extends WalletWebTest {
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Autowired
    DonationDesk donations;
    @Autowired
    DataSource dataSource;
    @Autowired
    PostgresJournal journal;
    @Autowired
    CheckpointSigner signer;

    @Test
    void thePublicReportDrawsItsChartsAndTablesInJapaneseAndEnglish() throws Exception {
        Actor staff = demo("staff").actor();
        donations.record(staff, new DonationDesk.Form("INDIVIDUAL", "ブラウザ花子", "東京都", 12_345L, "general", false,
                true), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        donations.record(staff, new DonationDesk.Form("COMPANY", "試験株式会社", "東京都", 50_000L,
                "field:children", true, false), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        // A checkpoint at the head now, rather than at the application's next scheduled one.
        new JournalFollower(dataSource, ledger.id(), journal.feed(), signer, new CheckpointPolicy(1, Duration.ZERO),
                Clock.systemUTC()).catchUp();
        browser.manage().deleteAllCookies();

        browser.open("/fund/report?lang=ja");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith("基金配分報告");
        assertThat(browser.findElement(By.id("checkpoint-size")).getText()).matches("[1-9][0-9]*");
        assertChartsWithTables("寄附金の流れ", "月別の受入と交付", "残高の推移");
        assertThat(browser.findElement(By.id("table-flow")).getText()).contains("個人", "一般(使途指定なし)");
        assertThat(browser.findElement(By.id("named-donors")).getText()).contains("ブラウザ花子")
                .doesNotContain("試験株式会社");
        assertNoHorizontalScroll();

        browser.findElement(By.linkText("English")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith("Fund distribution report");
        assertChartsWithTables("Flow of donations", "Money in and out by month", "Balances over time");
        assertThat(browser.findElement(By.id("table-flow")).getText()).contains("Individuals", "General fund");
        assertNoHorizontalScroll();
    }

    private void assertChartsWithTables(String flow, String monthly, String balances) {
        List<String[]> charts = List.of(new String[] {"chart-flow", "table-flow", flow},
                new String[] {"chart-monthly", "table-monthly", monthly},
                new String[] {"chart-balances", "table-balances", balances});
        for (String[] chart : charts) {
            WebElement svg = browser.findElement(By.id(chart[0]));
            assertThat(svg.getTagName()).isEqualTo("svg");
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.isDisplayed()).as(chart[0] + " is drawn").isTrue();
            assertThat(svg.getSize().getHeight()).as(chart[0] + " height").isPositive();
            assertThat(svg.findElement(By.tagName("title")).getAttribute("textContent")).isEqualTo(chart[2]);
            assertThat(svg.findElements(By.cssSelector("rect, path, polyline"))).isNotEmpty();
            WebElement table = browser.findElement(By.id(chart[1]));
            assertThat(table.isDisplayed()).isTrue();
            assertThat(table.findElements(By.tagName("tr")).size()).as(chart[1] + " rows").isGreaterThan(1);
        }
    }

    private void assertNoHorizontalScroll() {
        browser.assertNoHorizontalScroll();
    }
}

package kyodo.wallet.browser;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.ApplicationDesk;
import kyodo.fund.grant.GrantOffice;
import kyodo.fund.grant.Program;
import kyodo.ledger.EntryKey;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fund in a real (headless) browser on a phone-sized screen, with the whole application: a donor pledges
 * online, staff confirm the money arrived, the donor downloads the receipt; a committee reviewer declares no
 * conflict and scores an application; staff record the award on the program's page from the keyboard.
 */
class FundBrowserTest extends WalletWebTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** How long the browser test's program takes applications: long enough to apply, short enough to wait. */
    private static final Duration APPLICATIONS_OPEN = Duration.ofSeconds(3);
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Autowired
    GrantOffice grants;
    @Autowired
    Directory directory;
    @Autowired
    ApplicationDesk applications;
    @Autowired
    DonationDesk donations;
    @Autowired
    Clock clock;
    @Autowired
    JournalFollower follower;

    @Test
    void aDonorPledgesStaffConfirmTheDonorDownloadsTheReceiptPdfAndAnyoneOpensItsProofPage() throws Exception {
        int n = SERIAL.incrementAndGet();
        User donor = registrar.createUser("fund-donor-" + n, "寄附者 " + n, PASSWORD, Role.DONOR).user();
        User staff = registrar.createUser("fund-staff-" + n, "区職員 " + n, PASSWORD, Role.STAFF).user();

        signIn(donor.username());
        browser.get(local("/fund/donate"));
        browser.findElement(By.id("donorName")).sendKeys("寄附 花子");
        browser.findElement(By.id("donorAddress")).sendKeys("東京都協働区2-3-4");
        browser.findElement(By.id("amount")).sendKeys("54321");
        new Select(browser.findElement(By.id("designation"))).selectByValue("field:children");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/fund/donations"));
        WebElement pledged = browser.findElement(By.cssSelector("tr[id^=donation-]"));
        String donation = pledged.getAttribute("id").substring("donation-".length());
        assertThat(pledged.getText()).contains("¥54,321").contains("入金待ち");
        assertNoHorizontalScroll();
        signOut();

        signIn(staff.username());
        browser.get(local("/fund/staff/pledges"));
        browser.findElement(By.id("pledge-" + donation)).findElement(By.tagName("button")).click();
        waitFor(d -> d.findElements(By.id("pledge-" + donation)).isEmpty());
        signOut();

        signIn(donor.username());
        browser.get(local("/fund/donations"));
        WebElement receipt = browser.findElement(By.id("donation-" + donation)).findElement(By.tagName("a"));
        String receiptNumber = receipt.getText();
        assertThat(receiptNumber).matches("[0-9]{4}-[0-9]{6}");
        Download pdf = download(receipt.getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("寄附金受領証明書").contains(receiptNumber)
                    .contains("寄附 花子 様").contains("¥54,321");
        }

        // The page the receipt's QR opens: the entry, its proof against a signed checkpoint, how to verify.
        long sequence = ledger.entry(new EntryKey("fund-donation-" + donation)).orElseThrow().sequence();
        follower.catchUp();
        signOut();
        browser.get(local("/log/entries/" + sequence));
        assertThat(browser.findElement(By.id("entry-legs")).getText()).contains("fund:bank").contains("¥54,321");
        assertThat(browser.findElement(By.id("proof-verified")).getText()).contains("このサーバーでも確かめました");
        assertThat(browser.findElement(By.id("verify-command")).getText()).startsWith("java -jar ledger-core");
        assertNoHorizontalScroll();
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Proof of journal entry " + sequence);
        assertThat(browser.findElement(By.id("how-heading")).getText()).isEqualTo("How anyone can verify");
        assertNoHorizontalScroll();

        // The history of every signed checkpoint, newest first: the one that proves this entry is listed.
        browser.get(local("/log?lang=ja"));
        browser.findElement(By.linkText("チェックポイントの履歴")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("チェックポイントの履歴");
        long newest = Long.parseLong(browser.findElement(By.cssSelector("#checkpoints tbody td")).getText());
        assertThat(newest).isGreaterThanOrEqualTo(sequence);
        assertNoHorizontalScroll();
        browser.findElement(By.id("lang-en")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Checkpoint history");
    }

    @Test
    void aReviewerDeclaresNoConflictAndScoresThenStaffRecordTheAwardOnTheProgramPage() throws Exception {
        int n = SERIAL.incrementAndGet();
        User staff = registrar.createUser("grant-staff-" + n, "区職員 " + n, PASSWORD, Role.STAFF).user();
        User reviewer = registrar.createUser("grant-reviewer-" + n, "委員 " + n, PASSWORD, Role.COMMITTEE).user();
        Actor staffActor = staff.actor();
        Actor coordinator = registrar.createUser("grant-coordinator-" + n, "コーディネーター " + n, PASSWORD,
                Role.GROUP_COORDINATOR).user().actor();
        String title = "ブラウザで決める助成 " + n;
        LocalDate today = LocalDate.now(clock);
        // The general fund must hold the budget: staff record a donation that arrived by bank transfer.
        donations.record(staffActor, new DonationDesk.Form("COMPANY", "協働建設株式会社", "", 100_000L, "general",
                false, false), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        // Applications close in a few seconds: the award is decided after the deadline.
        java.time.Instant deadline = clock.instant().plus(APPLICATIONS_OPEN);
        Program program = grants.open(staffActor, new GrantOffice.ProgramForm(title, "elderly", "general",
                "見守り活動への助成", 100_000L, today, today.plusYears(1), deadline,
                List.of(new Program.Criterion("公益性", 3), new Program.Criterion("実現可能性", 2)),
                List.of(reviewer.username())));
        grants.publish(staffActor, program.id());
        Group group = directory.register(coordinator, new Directory.Registration("見守りの会 " + n, "VOLUNTARY",
                "代表 者", "mimamori@example.jp", "elderly", "高齢者の見守り", List.of()));
        directory.decide(staffActor, group.id(), true, "規約と代表者の本人確認書類を確認");
        Application application = applications.draft(coordinator, new ApplicationDesk.Form(program.id().value(),
                group.id().value(), "見守りサロン", "孤立を防ぐ", "月2回のサロン", "地域の信頼", 30_000L,
                List.of(new Application.BudgetLine("会場費", 30_000))));
        applications.submit(coordinator, application.id());
        long appId = application.id().value();

        signIn(reviewer.username());
        browser.get(local("/fund/review/" + appId));
        WebElement conflict = browser.findElement(By.name("conflict"));
        assertThat(conflict.isSelected()).as("no conflict declared").isFalse();
        browser.findElement(By.id("score0")).sendKeys("4");
        browser.findElement(By.id("comment0")).sendKeys("地域に必要な活動");
        browser.findElement(By.id("score1")).sendKeys("5");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("審査結果を記録しました。");
        assertThat(browser.findElements(By.id("error"))).isEmpty();
        signOut();

        waitFor(d -> clock.instant().isAfter(deadline));
        signIn(staff.username());
        browser.get(local("/fund/staff/programs"));
        browser.findElement(By.linkText(title)).click();
        WebElement ranked = browser.findElement(By.id("ranked-" + appId));
        // (4 × 3 + 5 × 2) of a best possible 5 × (3 + 2): 22 / 25.
        assertThat(ranked.getText()).contains("見守りサロン").contains("88.0%")
                .contains("審査: 採点 1 人、利害関係 0 人、未審査 0 人 (委員 1 人)");
        assertNoHorizontalScroll();
        WebElement amount = browser.findElement(By.id("award-amount-" + appId));
        amount.clear();
        amount.sendKeys("25000", Keys.ENTER);
        assertThat(browser.findElement(By.id("done")).getText()).contains("交付決定を記録し");
        WebElement agreement = browser.findElement(By.cssSelector("a[id^=agreement-]"));
        Download pdf = download(agreement.getAttribute("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(ledger.entry(new EntryKey("fund-award-" + appId))).isPresent();

        String awardId = agreement.getAttribute("id").substring("agreement-".length());
        WebElement tranche = browser.findElement(By.id("tranche-" + awardId));
        tranche.sendKeys("10000", Keys.ENTER);
        assertThat(browser.findElement(By.id("done")).getText()).contains("別の職員が承認します");
        assertThat(browser.findElement(By.id("award-row-" + awardId)).getText()).contains("¥10,000 — 承認待ち");

        // The requester cannot approve their own tranche; a second staff member can.
        browser.get(local("/fund/staff/disbursements"));
        WebElement waiting = browser.findElement(By.cssSelector("tr[id^=disbursement-]:last-child"));
        assertThat(waiting.getText()).contains("¥10,000").contains("区職員 " + n).contains("他の職員の承認が必要です");
        String row = waiting.getAttribute("id");
        signOut();
        User second = registrar.createUser("grant-staff2-" + n, "区職員 二 " + n, PASSWORD, Role.STAFF).user();
        signIn(second.username());
        browser.get(local("/fund/staff/disbursements"));
        WebElement approve = browser.findElement(By.cssSelector("#" + row + " button[type=submit]"));
        approve.click();
        // The list is reloaded at the same address, so wait for the old page to go, not for the URL.
        waitFor(ExpectedConditions.stalenessOf(approve)::apply);
        assertThat(browser.getCurrentUrl()).endsWith("/fund/staff/disbursements");
        assertThat(browser.findElements(By.id(row))).as("approved, no longer waiting").isEmpty();
        assertThat(ledger.entry(new EntryKey("fund-disbursement-" + row.substring("disbursement-".length()))))
                .as("paid on the books").isPresent();
    }

    record Download(int status, String contentType, byte[] bytes) {
    }

    /** Fetches a URL in the browser with its session, as the link would, and hands the bytes to the test. */
    private Download download(String url) {
        List<?> answer = (List<?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(buffer => {
                    const bytes = new Uint8Array(buffer);
                    let binary = '';
                    for (let i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
                    done([r.status, r.headers.get('content-type'), btoa(binary)]);
                  }))
                  .catch(e => done([0, String(e), '']));""", url);
        return new Download(((Number) answer.get(0)).intValue(), (String) answer.get(1),
                Base64.getDecoder().decode((String) answer.get(2)));
    }

    private void signIn(String username) {
        browser.forgetSession();
        browser.signIn(username, PASSWORD);
    }

    /** The fund's pages have no menu of their own; forgetting the session is signing out. */
    private void signOut() {
        browser.forgetSession();
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    private String local(String path) {
        return browser.url(path);
    }

    private void assertNoHorizontalScroll() {
        browser.assertNoHorizontalScroll();
    }
}

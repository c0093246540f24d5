package kyodo.wallet.browser;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents and merchants in a real (headless) browser on a phone-sized screen. */
class BrowserTest extends WalletWebTest {
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @Test
    void aResidentPaysAMerchantsOrderQrAndBothWalletsShowIt() {
        User resident = resident(2_000);
        Merchant shop = merchant();

        signInToTheTerminal(shop);
        browser.findElement(By.id("order-amount")).sendKeys("1234");
        browser.findElement(By.id("order-ref")).sendKeys("T-7");
        browser.findElement(By.id("order-submit")).click();
        String qrUrl = text("order-url");
        assertThat(qrUrl).startsWith(BASE_URL + "/pay?q=");
        signOut();

        signIn(resident.username());
        browser.get(local(qrUrl));
        assertThat(text("merchant-name")).isEqualTo(shop.name());
        assertThat(text("amount-fixed")).isEqualTo("1,234 pt");
        browser.findElement(By.id("pay-confirm")).click();

        // The click returns when the form is sent, not when the redirect has loaded.
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/wallet"));
        assertThat(text("paid-notice")).contains("1,234 pt");
        assertThat(text("balance")).isEqualTo("766 pt");
        assertThat(text("history")).contains(shop.name()).contains("-1,234 pt");
        assertNoHorizontalScroll();
        signOut();

        signInToTheTerminal(shop);
        assertThat(text("merchant-balance")).isEqualTo("1,234 pt");
        assertNoHorizontalScroll();
    }

    @Test
    void aMerchantChargesTheResidentsPresentedQrTypedByAScanner() {
        User resident = resident(500);
        Merchant shop = merchant();

        signIn(resident.username());
        browser.get(local("/wallet/qr"));
        String token = text("consumer-token");
        assertThat(browser.findElement(By.id("consumer-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        signOut();

        signInToTheTerminal(shop);
        browser.findElement(By.id("charge-amount")).sendKeys("120");
        browser.findElement(By.id("charge-token")).sendKeys(token);
        browser.findElement(By.id("charge-submit")).click();
        assertThat(text("charged-notice")).contains("120 pt");
        assertThat(text("merchant-balance")).isEqualTo("120 pt");

        browser.findElement(By.id("charge-amount")).sendKeys("120");
        browser.findElement(By.id("charge-token")).sendKeys(token);
        browser.findElement(By.id("charge-submit")).click();
        assertThat(text("terminal-error")).contains("使用済み");
        assertThat(text("merchant-balance")).isEqualTo("120 pt");
        assertThat(balance(resident)).isEqualTo(380);
    }

    @Test
    void aResidentCorrectsABadAmountThenConfirmsTheRecipientAndTheAmountBeforeSending() {
        User from = resident(1_000);
        User to = resident(0);

        signIn(from.username());
        browser.get(local("/send"));
        browser.findElement(By.id("to")).sendKeys(to.username());
        browser.findElement(By.id("amount")).sendKeys("３.5");
        // Enter sends the form, as a keyboard user would (the phone's tab bar may cover the button's spot)
        browser.findElement(By.id("note")).sendKeys("ありがとう", Keys.ENTER);

        assertThat(text("error-summary")).contains("入力内容を確認してください").contains("金額は1以上の整数");
        assertThat(browser.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("note")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("ありがとう");
        browser.findElement(By.cssSelector("#error-summary a[href='#amount']")).click();
        WebElement amount = browser.switchTo().activeElement();
        assertThat(amount.getAttribute("id")).as("the summary's link moves to the field").isEqualTo("amount");
        amount.clear();
        amount.sendKeys("３００", Keys.ENTER);

        assertThat(text("send-summary")).isEqualTo(to.displayName() + "さんに 300 pt を送ります");
        assertThat(balance(to)).as("nothing moves before the confirmation").isZero();
        browser.findElement(By.id("send-back")).sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("amount")).getAttribute("value")).isEqualTo("３００");
        browser.findElement(By.id("amount")).sendKeys(Keys.ENTER);
        assertThat(text("send-summary")).contains("300 pt");
        browser.findElement(By.id("send-confirm")).sendKeys(Keys.ENTER);

        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/wallet"));
        assertThat(text("balance")).isEqualTo("700 pt");
        assertThat(balance(to)).isEqualTo(300);
        assertNoHorizontalScroll();
    }

    @Test
    void aMerchantRefundsASaleAfterAConfirmationNamingTheCustomer() {
        User customer = resident(500);
        Merchant shop = merchant();
        signIn(customer.username());
        browser.get(local("/wallet/qr"));
        String token = text("consumer-token");
        signOut();

        signIn(ownerName(shop));
        browser.get(local("/merchant"));
        browser.findElement(By.id("charge-amount")).sendKeys("200");
        browser.findElement(By.id("charge-token")).sendKeys(token);
        browser.findElement(By.id("charge-submit")).click();
        assertThat(text("charged-notice")).contains("200 pt");
        WebElement refund = browser.findElement(By.cssSelector("#sales input[name=amount]"));
        refund.clear();
        refund.sendKeys("５０");
        browser.findElement(By.cssSelector("#sales button[type=submit]")).click();

        assertThat(text("refund-summary")).isEqualTo(customer.displayName() + "さんに 50 pt を返金します");
        assertThat(balance(customer)).isEqualTo(300);
        assertNoHorizontalScroll();
        browser.findElement(By.id("refund-confirm")).click();

        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/merchant"));
        assertThat(text("refunded-notice")).isNotEmpty();
        assertThat(balance(customer)).isEqualTo(350);
    }

    @Test
    void aMerchantChargesFromAnUploadedPhotoOfTheQr() throws Exception {
        User resident = resident(500);
        Merchant shop = merchant();
        signIn(resident.username());
        browser.get(local("/wallet/qr"));
        String token = text("consumer-token");
        signOut();
        Path photo = Files.createTempFile("consumer-qr", ".png");
        Files.write(photo, QrImages.png(token));

        signInToTheTerminal(shop);
        browser.findElement(By.id("charge-amount")).sendKeys("75");
        browser.findElement(By.id("charge-photo")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("charge-submit")).click();

        assertThat(text("charged-notice")).contains("75 pt");
        assertThat(balance(resident)).isEqualTo(425);
    }

    @Test
    void pagesRenderInJapaneseByDefaultAndInEnglish() {
        User resident = resident(1_234_5);
        signIn(resident.username());

        browser.get(local("/wallet"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(text("balance-label")).isEqualTo("利用可能残高");
        assertThat(text("balance")).isEqualTo("12,345 pt");
        assertThat(text("history")).contains("区(ポイント発行)")
                .containsPattern("20[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日\\(.\\) [0-9]{2}:[0-9]{2}");
        assertNoHorizontalScroll();

        browser.get(local("/wallet?lang=en"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("balance-label")).isEqualTo("Available");
        assertThat(text("history")).contains("The ward (points issued)")
                .containsPattern("[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} 20[0-9]{2}, [0-9]{2}:[0-9]{2}");

        browser.get(local("/signin"));
        assertThat(browser.findElement(By.id("signin-submit")).getText()).isEqualTo("Sign in");
        browser.get(local("/signin?lang=ja"));
        assertThat(browser.findElement(By.id("signin-submit")).getText()).isEqualTo("サインイン");
    }

    @Test
    void theSignInFormWorksWithTheKeyboardAlone() {
        User resident = resident(10);
        browser.get(local("/signin"));
        WebElement username = browser.findElement(By.id("username"));
        username.sendKeys(resident.username());
        username.sendKeys(org.openqa.selenium.Keys.TAB);
        browser.switchTo().activeElement().sendKeys(PASSWORD);
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/home"));

        assertThat(browser.getCurrentUrl()).as("every role lands on its home").endsWith("/home");
        assertThat(text("fact-balance")).isEqualTo("10 pt");
    }

    private void signIn(String username) {
        browser.signIn(username, PASSWORD);
    }

    /** A shop's owner lands on their home and opens the terminal from its card. */
    private void signInToTheTerminal(Merchant shop) {
        signIn(ownerName(shop));
        browser.findElement(By.id("card-terminal")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/merchant"));
    }

    private void signOut() {
        browser.signOut();
    }

    private String text(String id) {
        return browser.text(id);
    }

    /** The app's own address for a path, or for a QR URL made for the public base URL. */
    private String local(String pathOrUrl) {
        String path = pathOrUrl.startsWith(BASE_URL) ? pathOrUrl.substring(BASE_URL.length()) : pathOrUrl;
        return browser.url(path);
    }

    private void assertNoHorizontalScroll() {
        browser.assertNoHorizontalScroll();
    }
}

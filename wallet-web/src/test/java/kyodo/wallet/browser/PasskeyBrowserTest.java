package kyodo.wallet.browser;

import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident registers a passkey and signs in with it, using Chromium's virtual authenticator. A passkey is bound
 * to an origin, so this application runs on a fixed port ({@value #PORT}) whose origin it allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserTest {
    static final int PORT = 18191;
    private static final String ORIGIN = "http://localhost:" + PORT;
    private static final TestDatabase DATABASE = TestDatabase.create("wallet_passkeys");
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("server.port", () -> PORT);
        registry.add("kyodo.qr.key-directory", Files.createTempDirectory("kyodo-passkey-keys")::toString);
        registry.add("kyodo.qr.base-url", () -> ORIGIN);
        registry.add("kyodo.demo.enabled", () -> "false");
    }

    @Autowired
    Registrar registrar;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aResidentRegistersAPasskeyAndSignsInWithIt() {
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
                new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                        .setHasUserVerification(true).setIsUserVerified(true));
        User resident = registrar.signUpResident("passkey-user", "鍵 太郎", "passkey-password-1").user();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.withMessage(() -> "at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText());

        browser.get(ORIGIN + "/signin");
        browser.findElement(By.id("username")).sendKeys(resident.username());
        browser.findElement(By.id("password")).sendKeys("passkey-password-1");
        browser.findElement(By.id("signin-submit")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/home"));
        browser.get(ORIGIN + "/passkeys");
        browser.findElement(By.id("passkey-register")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/passkeys?registered"));
        assertThat(browser.findElement(By.id("passkey-list")).getText()).contains("このスマートフォン");
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from user_credentials", Integer.class)).isEqualTo(1);

        browser.findElement(By.id("signout")).click();
        wait.until(d -> d.getCurrentUrl().equals(ORIGIN + "/"));
        browser.get(ORIGIN + "/signin");
        browser.findElement(By.id("passkey-signin")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/home"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("鍵 太郎");
    }
}

package kyodo.wallet.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Debian's headless Chromium driven by its chromedriver, both at fixed paths. A missing browser fails the test
 * with a message saying what to install; it is never a reason to skip.
 */
final class Browser {
    static final String CHROMIUM = System.getenv().getOrDefault("KYODO_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("KYODO_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** A small phone. */
    static final int PHONE_WIDTH = 360;

    private Browser() {
    }

    static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM + " and chromedriver at "
                    + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does it), "
                    + "or KYODO_CHROMIUM / KYODO_CHROMEDRIVER pointing at them");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--window-size=" + PHONE_WIDTH + ",800",
                    "--user-data-dir=" + Files.createTempDirectory("kyodo-chromium").toAbsolutePath());
            // Japanese first, as a browser in the ward would ask; English is chosen on the page.
            options.addArguments("--lang=ja-JP");
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja-JP,ja,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package kyodo.wallet.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven by its chromedriver, for the browser tests: registered as
 * {@code @RegisterExtension static final BrowserExtension browser = new BrowserExtension();}, it starts one browser
 * before the class's first test and quits it after the last, and in between it is that browser (a
 * {@link WebDriver} and {@link JavascriptExecutor}). Before each test it forgets the session (every test starts
 * signed out) and learns the application's port from the test's Spring context, so that {@link #open} takes a path.
 * A failed test leaves a screenshot of the page it failed on in {@code target/screens/}.
 *
 * <p>A missing browser fails the test with a message saying what to install; it is never a reason to skip.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterTestExecutionCallback, WebDriver, JavascriptExecutor {
    static final String CHROMIUM = System.getenv().getOrDefault("KYODO_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("KYODO_CHROMEDRIVER", "/usr/bin/chromedriver");
    /** A small phone. */
    static final int PHONE_WIDTH = 360;
    static final Path SCREENS = Path.of("target", "screens");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ChromeDriver driver;
    private String origin;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("browser tests need a running server: @SpringBootTest with a web port");
        }
        origin = "http://localhost:" + port;
        forgetSession();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            Files.createDirectories(SCREENS);
            Path screen = SCREENS.resolve(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + ".png");
            Files.write(screen, driver.getScreenshotAs(OutputType.BYTES));
            System.err.println("browser: " + driver.getCurrentUrl() + " at the failure, screenshot "
                    + screen.toAbsolutePath());
        }
    }

    /** The browser itself, for what a {@link WebDriver} does not offer (the virtual authenticator, screenshots). */
    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser runs only while a test class runs");
        }
        return driver;
    }

    /** The application's address of {@code path} ({@code /wallet}), as the browser reaches it. */
    public String url(String path) {
        return origin + path;
    }

    /** Opens {@code path} of the application. */
    public void open(String path) {
        driver().get(url(path));
    }

    /** The visible text of the element with {@code id}, without surrounding white space. */
    public String text(String id) {
        return findElement(By.id(id)).getText().strip();
    }

    /** Waits up to 10 seconds for {@code condition}, failing the test with the page's address when it never holds. */
    public void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver(), WAIT).withMessage(() -> "at " + getCurrentUrl()).until(condition::apply);
    }

    /** Signs in with the password form and waits until the application has left the sign-in page. */
    public void signIn(String username, String password) {
        open("/signin");
        findElement(By.id("username")).sendKeys(username);
        findElement(By.id("password")).sendKeys(password);
        findElement(By.id("signin-submit")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/signin"));
    }

    /** Signs out with the menu's button and waits for the home page. */
    public void signOut() {
        findElement(By.id("signout")).click();
        waitUntil(d -> d.getCurrentUrl().equals(url("/")));
    }

    /** Forgets the session (the cookies), as a new visitor's browser would be. */
    public void forgetSession() {
        driver().manage().deleteAllCookies();
    }

    /** The page fits the phone's width: nothing scrolls sideways. */
    public void assertNoHorizontalScroll() {
        List<?> widths = (List<?>) executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(((Number) widths.get(0)).longValue()).as("page width at %dpx on %s", PHONE_WIDTH, getCurrentUrl())
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    @Override
    public void get(String url) {
        driver().get(url);
    }

    @Override
    public String getCurrentUrl() {
        return driver().getCurrentUrl();
    }

    @Override
    public String getTitle() {
        return driver().getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return driver().findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return driver().findElement(by);
    }

    @Override
    public String getPageSource() {
        return driver().getPageSource();
    }

    /** Closes the current window; the browser itself is quit after the class's last test. */
    @Override
    public void close() {
        driver().close();
    }

    /** Refused: the browser belongs to the extension, which quits it after the class's last test. */
    @Override
    public void quit() {
        throw new UnsupportedOperationException("the extension quits the browser after the class's last test");
    }

    @Override
    public Set<String> getWindowHandles() {
        return driver().getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return driver().getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return driver().switchTo();
    }

    @Override
    public Navigation navigate() {
        return driver().navigate();
    }

    @Override
    public Options manage() {
        return driver().manage();
    }

    @Override
    public Object executeScript(String script, Object... args) {
        return driver().executeScript(script, args);
    }

    @Override
    public Object executeAsyncScript(String script, Object... args) {
        return driver().executeAsyncScript(script, args);
    }

    private static ChromeDriver start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM + " and chromedriver at "
                    + CHROMEDRIVER + " (./test installs them: apt-get install -y chromium chromium-driver), "
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
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja-JP,ja,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver started = new ChromeDriver(service, options);
            started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            started.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
            started.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

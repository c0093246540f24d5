package kyodo.wallet.browser;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.audit.Reconciler;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.fund.donation.Donation;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.grant.Application;
import kyodo.fund.grant.ApplicationDesk;
import kyodo.fund.grant.GrantOffice;
import kyodo.fund.grant.Program;
import kyodo.ledger.EntryKey;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.earning.Activities;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of both modules ({@link Pages}) in one Spring context and one headless Chromium: the registry matches
 * Spring's handler mappings; axe-core finds no serious or critical violation in Japanese or English; nothing
 * scrolls sideways at 360 px, with the text at 100% or 200%; no page shows text of the other language outside names
 * and data; the main journeys work by keyboard alone with the focus always visible. And a 390 px Japanese
 * screenshot of every page, for readers: into {@code target/screens/pages}, or where {@code -Dkyodo.screens} says
 * ({@code docs/screens/take.sh} writes {@code docs/screens/}).
 */
class EveryPageBrowserTest extends WalletWebTest {
    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    private static final List<String> LANGUAGES = List.of("ja", "en");
    private static final Set<String> FILE_SUFFIXES = Set.of(".pdf", ".csv", ".png", ".svg", ".json", ".txt");
    private static final int SCREEN_WIDTH = 390;
    private static final int SCREEN_HEIGHT_MAX = 2400;
    /** The role fixtures' user names, made once for the class (JUnit makes a new test instance per method). */
    private static Map<Role, String> usernames;
    private static Pages.Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    GrantOffice grants;
    @Autowired
    Directory directory;
    @Autowired
    ApplicationDesk applications;
    @Autowired
    DonationDesk donations;
    @Autowired
    Reconciler reconciler;
    @Autowired
    Activities activities;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    JournalFollower follower;
    @Autowired
    Clock clock;

    @Test
    void theRegistryListsEveryPageOfBothModulesAndNothingElse() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET) || !rendersAView(mapping.getValue())) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/") && FILE_SUFFIXES.stream().noneMatch(pattern::endsWith)) {
                    mapped.add(pattern);
                }
            }
        }
        Set<String> registered = Pages.ALL.stream().map(Pages.Page::pattern)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> unlisted = new TreeSet<>(mapped);
        unlisted.removeAll(registered);
        unlisted.removeAll(Pages.NOT_PAGES.keySet());
        Set<String> gone = new TreeSet<>(registered);
        gone.addAll(Pages.NOT_PAGES.keySet());
        gone.removeAll(mapped);
        assertThat(unlisted).as("pages not in kyodo.wallet.browser.Pages (add them to ALL, or to NOT_PAGES with why)")
                .isEmpty();
        assertThat(gone).as("listed in Pages but no longer mapped").isEmpty();
        assertThat(Pages.ALL.stream().map(Pages.Page::name).distinct().count()).as("page names are unique")
                .isEqualTo(Pages.ALL.size());
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPageInEitherLanguage() throws IOException {
        String axe = axeScript();
        List<String> violations = new ArrayList<>();
        int checked = visitEveryPage(LANGUAGES, (page, language) -> {
            browser.executeScript(axe);
            List<?> found = (List<?>) browser.executeAsyncScript(AXE_RUN);
            for (Object violation : found) {
                violations.add(page.name() + " (" + language + ") " + violation);
            }
        });
        violations.forEach(v -> System.err.println("axe: " + v));
        // The check can see: an image without a text alternative, put on the last page, is a critical violation.
        browser.executeScript("const i = document.createElement('img'); i.src = '/favicon.ico';"
                + " document.getElementById('main').appendChild(i);");
        assertThat((List<?>) browser.executeAsyncScript(AXE_RUN)).as("axe sees a missing alt")
                .anyMatch(v -> v.toString().startsWith("critical image-alt"));
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
        assertThat(checked).isEqualTo(Pages.ALL.size() * LANGUAGES.size());
    }

    @Test
    void noPageScrollsSidewaysAt360PixelsWithTheTextAtOrdinaryOrDoubleSize() {
        List<String> wide = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(BrowserExtension.PHONE_WIDTH, 800));
        int checked = visitEveryPage(LANGUAGES, (page, language) -> {
            for (String size : List.of("100%", "200%")) {
                List<?> widths = (List<?>) browser.executeScript(WIDTH_AT_TEXT_SIZE, size);
                long scroll = ((Number) widths.get(0)).longValue();
                long inner = ((Number) widths.get(1)).longValue();
                if (scroll > inner) {
                    wide.add(page.name() + " (" + language + ", text " + size + "): " + scroll + " px wide in "
                            + inner + " px; widest: " + widths.get(2));
                }
            }
        });
        wide.forEach(w -> System.err.println("width: " + w));
        assertThat(wide).as("pages that scroll sideways at %d px", BrowserExtension.PHONE_WIDTH).isEmpty();
        assertThat(checked).isEqualTo(Pages.ALL.size() * LANGUAGES.size());
    }

    @Test
    void noPageShowsTextOfTheOtherLanguageOutsideNamesAndData() {
        List<String> leaks = new ArrayList<>();
        int checked = visitEveryPage(LANGUAGES, (page, language) -> {
            List<?> found = (List<?>) browser.executeScript(OTHER_LANGUAGE, language);
            for (Object text : found) {
                leaks.add(page.name() + " (" + language + "): " + text);
            }
        });
        leaks.forEach(l -> System.err.println("language: " + l));
        assertThat(leaks).as("text of the other language").isEmpty();
        assertThat(checked).isEqualTo(Pages.ALL.size() * LANGUAGES.size());
    }

    @Test
    void aReaderSeesEveryPageAt390PixelsInJapanese() throws IOException {
        Path directory = Path.of(System.getProperty("kyodo.screens", "target/screens/pages"));
        Files.createDirectories(directory);
        List<String> index = new ArrayList<>();
        visitEveryPage(List.of("ja"), (page, language) -> {
            browser.manage().window().setSize(new Dimension(SCREEN_WIDTH, 800));
            long height = ((Number) browser.executeScript(
                    "return document.documentElement.scrollHeight;")).longValue();
            // The window is taller than its viewport by the browser's frame: add it, or the page's foot is cut.
            long frame = ((Number) browser.executeScript("return window.outerHeight - window.innerHeight;"))
                    .longValue();
            browser.manage().window().setSize(new Dimension(SCREEN_WIDTH,
                    (int) Math.min(height + frame, SCREEN_HEIGHT_MAX)));
            Path screen = directory.resolve(page.name() + ".png");
            try {
                Files.write(screen, browser.driver().getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            index.add("| [" + page.name() + "](" + page.name() + ".png) | `" + page.pattern() + "` | "
                    + (page.role() == null ? "anyone" : page.role().name().toLowerCase()) + " |");
        });
        Files.writeString(directory.resolve("README.md"), "# Screens\n\nEvery page of Kyodo at 390 px in Japanese, "
                + "as `docs/screens/take.sh` takes them (EveryPageBrowserTest with the demo-like fixtures of the "
                + "test).\n\n| page | address | opened by |\n|---|---|---|\n" + String.join("\n", index) + "\n");
        for (Pages.Page page : Pages.ALL) {
            byte[] png = Files.readAllBytes(directory.resolve(page.name() + ".png"));
            assertThat(png).as(page.name()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
        browser.manage().window().setSize(new Dimension(BrowserExtension.PHONE_WIDTH, 800));
    }

    @Test
    void theSkipLinkIsTheFirstStopAndLeadsToTheMainContent() {
        browser.open("/fund/report?lang=ja");
        press(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).contains("skip-link");
        assertFocusVisible();
        assertThat(skip.getRect().getY()).as("the skip link shows when focused").isGreaterThanOrEqualTo(0);
        press(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");
        // Following the link moves the start of sequential navigation to the main content: the next Tab is there.
        press(Keys.TAB);
        assertFocusVisible();
        Boolean stillInMain = (Boolean) browser.executeScript(
                "return document.getElementById('main').contains(document.activeElement);");
        assertThat(stillInMain).as("the next Tab stays in the main content").isTrue();
    }

    @Test
    void aResidentSignsInAndSendsPointsByKeyboardAlone() {
        User sender = resident(1_000);
        User recipient = resident(0);
        signInByKeyboard(sender.username());
        browser.open("/send?lang=ja");
        tabTo("to");
        typeInFocus(recipient.username());
        tabTo("amount");
        typeInFocus("120");
        tabTo("send-submit");
        press(Keys.ENTER);
        // A confirmation step, where there is one, is answered from the keyboard too: Tab to its button, Space.
        browser.waitUntil(d -> !d.getCurrentUrl().endsWith("/send?lang=ja"));
        List<WebElement> confirm = browser.findElements(By.cssSelector("main form button[type=submit]"));
        if (balance(recipient) == 0 && !confirm.isEmpty()) {
            tabTo(confirm.get(0));
            press(Keys.SPACE);
        }
        browser.waitUntil(d -> balance(recipient) == 120);
        assertThat(balance(sender)).isEqualTo(880);
    }

    @Test
    void aMerchantSignsInAndMakesAnOrderQrByKeyboardAlone() {
        Merchant shop = merchant();
        signInByKeyboard(ownerName(shop));
        browser.open("/merchant?lang=ja");
        tabTo("order-amount");
        typeInFocus("480");
        tabTo("order-ref");
        typeInFocus("T42");
        tabTo("order-submit");
        press(Keys.SPACE);
        browser.waitUntil(d -> !d.findElements(By.id("order-qr")).isEmpty());
        assertThat(browser.text("order-url")).startsWith(BASE_URL + QrCodes.PAY_PATH);
    }

    // ---- visiting every page -------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface PageCheck {
        void check(Pages.Page page, String language) throws IOException;
    }

    /** Opens every page in each language, signed in as its role (each role once per language), and checks it. */
    private int visitEveryPage(List<String> languages, PageCheck check) {
        Pages.Fixtures made = fixtures();
        Map<Role, List<Pages.Page>> byRole = new LinkedHashMap<>();
        for (Pages.Page page : Pages.ALL) {
            byRole.computeIfAbsent(page.role(), r -> new ArrayList<>()).add(page);
        }
        int visited = 0;
        for (String language : languages) {
            for (Map.Entry<Role, List<Pages.Page>> role : byRole.entrySet()) {
                browser.forgetSession();
                if (role.getKey() != null) {
                    browser.signIn(usernames.get(role.getKey()), PASSWORD);
                }
                for (Pages.Page page : role.getValue()) {
                    String path = page.pathIn(made);
                    browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                    String at = URI.create(browser.getCurrentUrl()).getPath();
                    assertThat(at).as("%s opens where it was asked, not elsewhere", page.name())
                            .isEqualTo(URI.create(browser.url(path)).getPath());
                    assertThat(browser.findElements(By.id("main"))).as("%s has its main content", page.name())
                            .hasSize(1);
                    try {
                        check.check(page, language);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    visited++;
                }
            }
        }
        return visited;
    }

    private synchronized Pages.Fixtures fixtures() {
        if (fixtures != null) {
            return fixtures;
        }
        Map<Role, String> names = new EnumMap<>(Role.class);
        User resident = resident(5_000);
        names.put(Role.RESIDENT, resident.username());
        Merchant shop = merchant();
        names.put(Role.MERCHANT, ownerName(shop));
        User coordinator = newCoordinator();
        names.put(Role.GROUP_COORDINATOR, coordinator.username());
        User staff = registrar.createUser("pages-staff", "区職員 頁", PASSWORD, Role.STAFF).user();
        names.put(Role.STAFF, staff.username());
        User committee = registrar.createUser("pages-committee", "委員 頁", PASSWORD, Role.COMMITTEE).user();
        names.put(Role.COMMITTEE, committee.username());
        User auditor = registrar.createUser("pages-auditor", "監査 頁", PASSWORD, Role.AUDITOR).user();
        names.put(Role.AUDITOR, auditor.username());

        Group group = verifiedGroup(coordinator, "頁の会");
        Instant starts = clock.instant().plus(Duration.ofDays(1));
        long activity = activities.create(group.id(), "花壇の手入れ", "", "区役所前", starts,
                starts.plus(Duration.ofHours(2)), 10, 120, coordinator.userId(), clock.instant());
        activities.signUp(activity, resident.id(), clock.instant());

        Actor staffActor = staff.actor();
        LocalDate today = LocalDate.now(clock);
        // A program's budget must be within what its designation holds, so the donation comes first.
        Donation donation = donations.record(staffActor, new DonationDesk.Form("COMPANY", "協働建設株式会社", "",
                100_000L, "general", false, false), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        Program program = grants.open(staffActor, new GrantOffice.ProgramForm("見守り助成", "elderly", "general",
                "見守り活動への助成", 100_000L, today, today.plusYears(1), clock.instant().plus(Duration.ofDays(30)),
                List.of(new Program.Criterion("公益性", 3), new Program.Criterion("実現可能性", 2)),
                List.of(committee.username())));
        grants.publish(staffActor, program.id());
        Application application = applications.draft(coordinator.actor(), new ApplicationDesk.Form(
                program.id().value(), group.id().value(), "見守りサロン", "孤立を防ぐ", "月2回のサロン", "地域の信頼",
                30_000L, List.of(new Application.BudgetLine("会場費", 30_000))));
        applications.submit(coordinator.actor(), application.id());

        String csv = "date,amount,description,reference\r\n" + today + ",100000,振込 キョウドウケンセツ,\r\n";
        long reconciliation = reconciler.importStatement(auditor.actor(), "statement.csv",
                csv.getBytes(StandardCharsets.UTF_8), null).statement().id();
        try {
            follower.catchUp();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the journal did not catch up with the books", e);
        }
        MerchantId shopId = shop.id();
        // The page a receipt's QR opens: the donation's entry, with its proof.
        long donationEntry = ledger.entry(new EntryKey("fund-donation-" + donation.id().value())).orElseThrow()
                .sequence();
        fixtures = new Pages.Fixtures(donationEntry,
                () -> URLEncoder.encode(qrCodes.url(qrCodes.orderQr(shopId, 500, "A1")), StandardCharsets.UTF_8),
                activity, group.id().value(), program.id().value(), application.id().value(), reconciliation);
        usernames = names;
        return fixtures;
    }

    private static boolean rendersAView(HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)) {
            return false;
        }
        Class<?> returned = handler.getMethod().getReturnType();
        return returned == String.class || ModelAndView.class.isAssignableFrom(returned);
    }

    private static String axeScript() throws IOException {
        try (InputStream in = EveryPageBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(Objects.requireNonNull(in, "axe.min.js of com.deque.html.axe-core:selenium")
                    .readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- the keyboard --------------------------------------------------------------------------------------------

    private void signInByKeyboard(String username) {
        browser.forgetSession();
        browser.open("/signin?lang=ja");
        tabTo("username");
        typeInFocus(username);
        tabTo("password");
        typeInFocus(PASSWORD);
        press(Keys.ENTER);
        browser.waitUntil(d -> !d.getCurrentUrl().contains("/signin"));
    }

    private void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private void typeInFocus(String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    private void tabTo(String id) {
        tabTo(browser.findElement(By.id(id)));
    }

    /** Presses Tab until {@code target} has the focus, checking at every stop that the focus can be seen. */
    private void tabTo(WebElement target) {
        for (int stops = 0; stops < 60; stops++) {
            press(Keys.TAB);
            assertFocusVisible();
            if (browser.switchTo().activeElement().equals(target)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + target + " on " + browser.getCurrentUrl());
    }

    private void assertFocusVisible() {
        String ring = (String) browser.executeScript(FOCUS_RING);
        assertThat(ring).as("the focus ring at %s", browser.getCurrentUrl()).isEmpty();
    }

    // ---- scripts run in the page ---------------------------------------------------------------------------------

    /** axe-core's WCAG 2.x A/AA and best-practice rules; the serious and critical violations, one line per node. */
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                'wcag22aa', 'best-practice']}, resultTypes: ['violations']})
              .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.impact + ' ' + v.id + ' at ' + n.target.join(' ') + ': '
                  + (n.failureSummary || v.help).replace(/\\s+/g, ' ')))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    /** The page's and the window's width with the root's text at {@code arguments[0]}, and the widest element. */
    private static final String WIDTH_AT_TEXT_SIZE = """
            const root = document.documentElement;
            root.style.fontSize = arguments[0] === '100%' ? '' : arguments[0];
            const widths = [root.scrollWidth, window.innerWidth];
            let widest = '';
            if (widths[0] > widths[1]) {
              let right = 0;
              for (const e of document.body.querySelectorAll('*')) {
                const r = e.getBoundingClientRect().right;
                if (r > right) { right = r; widest = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(r); }
              }
            }
            root.style.fontSize = '';
            return [widths[0], widths[1], widest];
            """;

    /**
     * Text of the other language than {@code arguments[0]}, outside elements marked {@code lang} otherwise, or
     * {@code data-i18n-exempt} (names and data), or code: in English any kana or kanji; in Japanese a run of three or
     * more English words. Visible text, and the text a screen reader says (alt, aria-label, title, placeholder).
     */
    private static final String OTHER_LANGUAGE = """
            const english = arguments[0] === 'en';
            const japanese = /[\\u3040-\\u30ff\\u3400-\\u9fff\\uff66-\\uff9f]+/;
            const words = /(?<![\\w:/.-])[A-Za-z][A-Za-z'’-]*(?:,?\\s+[A-Za-z][A-Za-z'’-]*){2,}(?![\\w:/.-])/;
            const other = english ? japanese : words;
            const exempt = e => e.closest('[data-i18n-exempt], script, style, noscript, code, pre, kbd, samp, '
              + (english ? '[lang]:not([lang|=en])' : '[lang]:not([lang|=ja])'));
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const m = n.textContent.match(other);
              if (m && !exempt(n.parentElement)) {
                found.push('"' + m[0] + '" in <' + n.parentElement.tagName.toLowerCase()
                  + (n.parentElement.id ? ' id=' + n.parentElement.id : '') + '>');
              }
            }
            for (const e of document.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
              for (const a of ['alt', 'aria-label', 'title', 'placeholder']) {
                const v = e.getAttribute(a);
                const m = v && v.match(other);
                if (m && !exempt(e)) { found.push('"' + m[0] + '" in ' + a + ' of <' + e.tagName.toLowerCase() + '>'); }
              }
            }
            let shown = document.title;
            for (const e of document.querySelectorAll('[data-i18n-exempt]')) {
              const name = e.textContent.trim();
              if (name) { shown = shown.split(name).join(' '); }
            }
            const title = shown.match(other);
            if (title) { found.push('"' + title[0] + '" in the title'); }
            return found;
            """;

    /** What is wrong with the focused element's focus ring, or nothing when a ring is drawn around it. */
    private static final String FOCUS_RING = """
            const e = document.activeElement;
            if (!e || e === document.body) { return 'nothing has the focus'; }
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            return outline || shadow ? '' : '<' + e.tagName.toLowerCase() + (e.id ? ' id=' + e.id : '')
              + '> has no visible focus ring';
            """;
}

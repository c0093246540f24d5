package kyodo.wallet.web;

import jakarta.servlet.http.HttpServletResponse;
import kyodo.ledger.LedgerUnavailable;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a person's browser can meet is a page in the layout, in their language, with the right status, saying
 * what happened and what to do; the API answers the same failures with problem+json. Real requests to the running
 * server, so the servlet container's error dispatch is the one that answers.
 */
@Import(ErrorPagesTest.Drill.class)
class ErrorPagesTest extends WalletWebTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The session's cookies, sent by hand: the test's public address is https, so they are Secure. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Stand-ins for failures the application has no page for on demand (a full upload, a crash, a lost database). */
    @TestComponent
    @RestController
    static class Drill {
        @GetMapping({"/drill/status/{status}", "/api/drill/status/{status}"})
        void status(@PathVariable int status, HttpServletResponse response) throws IOException {
            response.sendError(status);
        }

        @GetMapping({"/drill/crash", "/api/drill/crash"})
        String crash() {
            throw new IllegalStateException("a bug: at kyodo.Secret.method(Secret.java:1)");
        }

        @GetMapping({"/drill/database", "/api/drill/database"})
        String database() {
            throw new LedgerUnavailable("the ledger's writer could not commit", new SQLException("gone", "57P01"));
        }
    }

    @BeforeEach
    void signInAsAResident() throws Exception {
        User resident = resident(0);
        String form = send(get("/signin", BROWSER, "ja")).body();
        String token = one(form, "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + resident.username() + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    @Test
    void aPageTheRoleMayNotOpenIs403InTheLayout() throws Exception {
        page("/staff", "ja", 403, "このページを使う権限がありません", "別のアカウントでサインインする");
        page("/staff", "en", 403, "You may not use this page", "Sign in with another account");
        problem("/api/staff/points", 403, "forbidden");
    }

    @Test
    void aFormSentWithoutItsTokenSaysThePageExpired() throws Exception {
        HttpResponse<String> expired = send(HttpRequest.newBuilder(uri("/send?lang=ja"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", BROWSER)
                .POST(HttpRequest.BodyPublishers.ofString("to=x&amount=1")));
        assertLayoutPage(expired, 403, "ページの有効期限が切れました");
    }

    @Test
    void aMissingPageIs404InTheLayout() throws Exception {
        page("/no-such-page", "ja", 404, "ページが見つかりません", "id=\"error-home\"");
        page("/no-such-page", "en", 404, "Page not found", "Check the address");
        problem("/api/no-such-thing", 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405InTheLayout() throws Exception {
        page("/activities/1/signup", "ja", 405, "この操作はこのページではできません", "ボタンから");
        page("/activities/1/signup", "en", 405, "That cannot be done on this page", "buttons on the screen");
        HttpResponse<String> api = send(get("/api/transfers", "application/json", "ja"));
        assertThat(api.statusCode()).isEqualTo(405);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void tooLargeAndTooManyArePagesInTheLayout() throws Exception {
        page("/drill/status/413", "ja", 413, "送られたデータが大きすぎます", "小さいファイル");
        page("/drill/status/413", "en", 413, "What was sent is too large", "Split the file");
        problem("/api/drill/status/413", 413, "PAYLOAD_TOO_LARGE");
        page("/drill/status/429", "ja", 429, "操作が続けて行われました", "1分ほど待って");
        page("/drill/status/429", "en", 429, "Too many attempts in a row", "Wait about a minute");
        problem("/api/drill/status/429", 429, "RATE_LIMITED");
    }

    @Test
    void aCrashIs500InTheLayoutWithoutTheException() throws Exception {
        String page = page("/drill/crash", "ja", 500, "システムの問題で表示できませんでした", "お問い合わせ");
        assertThat(page).doesNotContain("Secret").doesNotContain("IllegalStateException");
        page("/drill/crash", "en", 500, "A problem on our side stopped this page", "contact the office");
        String api = problem("/api/drill/crash", 500, "INTERNAL_ERROR");
        assertThat(api).doesNotContain("Secret");
        // a program that asks for JSON on a page's address gets JSON too
        HttpResponse<String> json = send(get("/drill/crash", "application/json", "en"));
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aLostDatabaseIs503InTheLayout() throws Exception {
        page("/drill/database", "ja", 503, "しばらくお待ちください", "二重には処理されません");
        page("/drill/status/503", "en", 503, "Not available just now", "Repeating the same action");
        problem("/api/drill/database", 503, "SERVICE_UNAVAILABLE");
    }

    private String page(String path, String language, int status, String... texts) throws Exception {
        HttpResponse<String> response = send(get(path + (path.contains("?") ? "&" : "?") + "lang=" + language,
                BROWSER, language));
        assertLayoutPage(response, status, texts);
        assertThat(response.body()).contains("<html lang=\"" + language + "\">");
        return response.body();
    }

    private static void assertLayoutPage(HttpResponse<String> response, int status, String... texts) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("<main id=\"main\"").contains("class=\"site-header\"")
                .contains("class=\"site-footer\"").contains("id=\"signout\"").contains(texts)
                .doesNotContain("Whitelabel").doesNotContain("\"status\":").doesNotContain("at kyodo.");
    }

    private String problem(String path, int status, String code) throws Exception {
        HttpResponse<String> response = send(get(path, "application/json", "ja"));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").contains("\"message_ja\"")
                .contains("\"message_en\"");
        return response.body();
    }

    private HttpRequest.Builder get(String path, String accept, String language) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("Accept-Language", language).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : response.headers().allValues("Set-Cookie")) {
            String[] pair = set.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0].strip(), pair.length > 1 ? pair[1] : "");
        }
        return response;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String one(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }
}

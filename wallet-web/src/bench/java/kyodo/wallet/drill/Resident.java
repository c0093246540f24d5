package kyodo.wallet.drill;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in browser session (a cookie jar and its CSRF token) of a demo user, paying through
 * {@code POST /api/payments} as the wallet page does. Sessions live in the application's memory, so every restart
 * needs a new sign-in.
 */
final class Resident {
    static final String DEMO_PASSWORD = "kyodo-demo-pass";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern PAYMENT_ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\":\"([A-Za-z_]+)\"");
    private static final Pattern STORE_URL = Pattern.compile("id=\"store-url\">([^<]+)<");
    /** Longer than the application's connection wait, so a request stalled by a database restart still ends. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final String username;
    private final HttpClient http;
    private final String csrf;

    private Resident(int port, String username, HttpClient http, String csrf) {
        this.port = port;
        this.username = username;
        this.http = http;
        this.csrf = csrf;
    }

    static Resident signIn(int port, String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(http, port);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri(port, "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + signIn.statusCode() + " "
                    + signIn.headers().firstValue("Location").orElse(""));
        }
        return new Resident(port, username, http, csrf(http, port));
    }

    String username() {
        return username;
    }

    /** The merchant's printed store QR (the URL its terminal page shows), for a merchant session. */
    String storeQrUrl() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(port, "/merchant")).timeout(REQUEST_TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = STORE_URL.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no store QR on /merchant for " + username + ": " + page.statusCode());
        }
        return m.group(1).strip().replace("&amp;", "&");
    }

    /** What the client learned from one request. */
    record Answer(Verdict verdict, long paymentId, String detail) {
    }

    enum Verdict {
        /** 200 with a payment id: the client was told the payment is done. */
        ACKNOWLEDGED,
        /** A 4xx refusal with a problem code: the client was told it did not happen. */
        REFUSED,
        /** No answer, or one that does not say (5xx, a broken connection, a timeout): retry with the same intent. */
        UNKNOWN
    }

    Answer pay(String qr, String amount, String intent) {
        String body = "{\"qr\":\"" + json(qr) + "\",\"amount\":\"" + amount + "\",\"intent\":\"" + intent + "\"}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/payments"))
                    .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json").timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                Matcher id = PAYMENT_ID.matcher(response.body());
                if (!id.find()) {
                    throw new IllegalStateException("200 without a payment id: " + response.body());
                }
                return new Answer(Verdict.ACKNOWLEDGED, Long.parseLong(id.group(1)), "200");
            }
            Matcher code = PROBLEM_CODE.matcher(response.body());
            String detail = status + (code.find() ? " " + code.group(1) : "");
            // 401/403 (a session from before a restart) and 5xx say nothing about the payment itself.
            boolean says = status >= 400 && status < 500 && status != 401 && status != 403 && status != 408
                    && status != 429;
            return new Answer(says ? Verdict.REFUSED : Verdict.UNKNOWN, 0, detail);
        } catch (IOException e) {
            return new Answer(Verdict.UNKNOWN, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Verdict.UNKNOWN, 0, "interrupted");
        }
    }

    private static String csrf(HttpClient http, int port) throws IOException, InterruptedException {
        String session = http.send(HttpRequest.newBuilder(uri(port, "/api/session")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(session);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in " + session);
        }
        return m.group(1);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

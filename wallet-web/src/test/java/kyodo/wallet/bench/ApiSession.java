package kyodo.wallet.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in user of the running application over real HTTP, as the benchmarks drive it: a cookie jar (the
 * session) and the CSRF token the API wants in {@code X-CSRF-TOKEN}. Signed in with the password form.
 */
record ApiSession(HttpClient http, String csrf, int port) {
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    /**
     * All sessions' clients share a few threads: by default each client grows its own pool, and hundreds of client
     * threads on the same two cores would take from the server the CPU whose latency is being measured.
     */
    private static final ExecutorService CLIENT_THREADS = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });

    static ApiSession signIn(int port, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).executor(CLIENT_THREADS)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(http, port);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri(port, "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 302 || !signIn.headers().firstValue("Location").orElse("").endsWith("/start")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + signIn.statusCode());
        }
        return new ApiSession(http, csrf(http, port), port);
    }

    /** POSTs JSON; completes with the status code. */
    CompletableFuture<Integer> post(String path, String json) {
        return http.sendAsync(HttpRequest.newBuilder(uri(port, path)).header("X-CSRF-TOKEN", csrf)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** GETs and reads the whole answer; completes with the status code. */
    CompletableFuture<Integer> get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(uri(port, path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static String csrf(HttpClient http, int port) throws Exception {
        String session = http.send(HttpRequest.newBuilder(uri(port, "/api/session")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(session);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in " + session);
        }
        return m.group(1);
    }

    static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package kyodo.wallet.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in user of the running application over real HTTP, as the benchmarks drive it: the session's cookies
 * and the CSRF token the API wants in {@code X-CSRF-TOKEN}. Signed in with the password form.
 *
 * <p>Every session goes through one shared client on a few threads: a client per session grows a selector thread
 * and a pool of its own, and hundreds of client threads on the same two cores would take from the server the CPU
 * whose latency is being measured. The cookies are therefore kept here rather than in a client's cookie handler.
 */
record ApiSession(String cookies, String csrf, int port) {
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final ExecutorService CLIENT_THREADS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(CLIENT_THREADS)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static ApiSession signIn(int port, String username, String password) throws Exception {
        Map<String, String> jar = new TreeMap<>();
        String token = csrf(jar, port);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> signIn = HTTP.send(withCookies(HttpRequest.newBuilder(uri(port, "/signin")), jar)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, signIn.headers());
        if (signIn.statusCode() != 302 || !signIn.headers().firstValue("Location").orElse("").endsWith("/start")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + signIn.statusCode());
        }
        String csrf = csrf(jar, port);
        return new ApiSession(header(jar), csrf, port);
    }

    /** POSTs JSON; completes with the status code. */
    CompletableFuture<Integer> post(String path, String json) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri(port, path)).header("Cookie", cookies)
                        .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** GETs and reads the whole answer; completes with the status code. */
    CompletableFuture<Integer> get(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri(port, path)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private static String csrf(Map<String, String> jar, int port) throws Exception {
        HttpResponse<String> session = HTTP.send(withCookies(HttpRequest.newBuilder(uri(port, "/api/session")), jar)
                .build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, session.headers());
        Matcher m = CSRF.matcher(session.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in " + session.body());
        }
        return m.group(1);
    }

    private static HttpRequest.Builder withCookies(HttpRequest.Builder request, Map<String, String> jar) {
        return jar.isEmpty() ? request : request.header("Cookie", header(jar));
    }

    /** Keeps each {@code Set-Cookie}'s name and value (the session id changes at sign-in). */
    private static void keep(Map<String, String> jar, HttpHeaders headers) {
        for (String setCookie : headers.allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                jar.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
    }

    private static String header(Map<String, String> jar) {
        StringBuilder header = new StringBuilder();
        jar.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                .append(value));
        return header.toString();
    }

    static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package kyodo.wallet.bench;

import kyodo.ledger.Amount;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.KyodoApplication;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the application on a fresh database and loopback port, signs in residents, and pays a store QR through
 * {@code POST /api/payments} at a fixed rate (open loop: latency counts from each request's scheduled start, so a
 * slow server cannot hide its queueing). Then times QR PNG generation. Prints the numbers.
 *
 * <p>{@code ./mvnw -B -pl wallet-web -am -Pbench -DskipTests verify} ({@code -Dbench.rate=200 -Dbench.seconds=60}).
 */
public final class PaymentBench {
    static final int PORT = Integer.getInteger("bench.port", 18150);
    static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int PAYERS = 20;
    static final int QR_IMAGES = 2_000;
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        TestDatabase database = TestDatabase.create("wallet_bench");
        ConfigurableApplicationContext app = SpringApplication.run(KyodoApplication.class,
                "--server.port=" + PORT, "--kyodo.db.url=" + database.url(), "--kyodo.db.user=" + database.user(),
                "--kyodo.db.password=" + database.password(), "--kyodo.demo.enabled=false",
                "--kyodo.qr.key-directory=" + Files.createTempDirectory("kyodo-bench-keys"),
                "--kyodo.payments.rate-burst=100000", "--kyodo.payments.rate-per-second=100000",
                "--logging.level.root=WARN");
        try {
            run(app);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        Registrar registrar = app.getBean(Registrar.class);
        Wallets wallets = app.getBean(Wallets.class);
        Ledger ledger = app.getBean(Ledger.class);
        QrCodes qrCodes = app.getBean(QrCodes.class);
        User staff = registrar.createUser("bench-staff", "staff", PASSWORD, kyodo.wallet.user.Role.STAFF).user();
        User owner = registrar.signUpMerchant("bench-shop", "owner", PASSWORD, "Bench shop").user();
        Merchant shop = app.getBean(Merchants.class).findByOwnerId(owner.id()).orElseThrow();
        registrar.approve(shop.id(), staff.id());
        String storeQr = qrCodes.url(qrCodes.storeQr(shop.id()));

        List<Payer> payers = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            User user = registrar.signUpResident("bench-" + i, "payer " + i, PASSWORD).user();
            ledger.post(EntryRequest.of("bench:issue:" + i, EntryKind.ISSUE, "bench", Leg.transfer(
                    wallets.issuance(), wallets.open(WalletOwner.resident(user.id())),
                    Amount.pt(1_000_000))));
            payers.add(Payer.signIn(user.username()));
        }

        // warm up: a few hundred payments at the same endpoint
        for (int i = 0; i < 300; i++) {
            payers.get(i % PAYERS).pay(storeQr).join();
        }

        int total = RATE_PER_SECOND * SECONDS;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int index = i;
            inFlight.add(payers.get(i % PAYERS).pay(storeQr).handle((status, failure) -> {
                latencies[index] = System.nanoTime() - scheduled;
                if (failure != null || status != 200) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("payment API: %d payments in %.1f s (%.0f/s offered %d/s), errors %d, "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", total, elapsed, total / elapsed,
                RATE_PER_SECOND, errors.get(), latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6,
                latencies[total - 1] / 1e6);

        String url = storeQr;
        for (int i = 0; i < 200; i++) {
            QrImages.png(url);
        }
        long qrStart = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < QR_IMAGES; i++) {
            bytes += QrImages.png(url + i).length;
        }
        double qrSeconds = (System.nanoTime() - qrStart) / 1e9;
        System.out.printf("QR PNG: %d images (%d px, %d bytes average) in %.2f s = %.0f per second (one thread)%n",
                QR_IMAGES, QrImages.SIZE_PIXELS, bytes / QR_IMAGES, qrSeconds, QR_IMAGES / qrSeconds);
    }

    /** One signed-in resident: a cookie jar (the session) and the CSRF token to send. */
    private record Payer(HttpClient http, String csrf) {
        static Payer signIn(String username) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String token = csrf(http);
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token;
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signIn.statusCode() != 302 || !signIn.headers().firstValue("Location").orElse("").endsWith("/start")) {
                throw new IllegalStateException("sign-in failed for " + username + ": " + signIn.statusCode());
            }
            return new Payer(http, csrf(http));
        }

        CompletableFuture<Integer> pay(String qr) {
            String body = "{\"qr\":\"" + qr + "\",\"amount\":\"1\",\"intent\":\"" + QrCodes.nonce() + "\"}";
            return http.sendAsync(HttpRequest.newBuilder(uri("/api/payments")).header("X-CSRF-TOKEN", csrf)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
        }

        private static String csrf(HttpClient http) throws Exception {
            String session = http.send(HttpRequest.newBuilder(uri("/api/session")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(session);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in " + session);
            }
            return m.group(1);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + PORT + path);
    }
}

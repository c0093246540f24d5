package kyodo.wallet.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrImages;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the application on a fresh database and loopback port, signs in residents, and pays a store QR through
 * {@code POST /api/payments} at a fixed rate (open loop: latency counts from each request's scheduled start, so a
 * slow server cannot hide its queueing). Then times QR PNG generation. Prints the numbers.
 *
 * <p>{@code ./mvnw -B -pl wallet-web -am -Ppayment-bench -DskipTests verify} ({@code -Dbench.rate=200 -Dbench.seconds=60
 * -Dbench.warmup-seconds=60}).
 */
public final class PaymentBench {
    static final int PORT = Integer.getInteger("bench.port", 18150);
    static final int RATE_PER_SECOND = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup-seconds", 60);
    static final int WARM_UP_STEPS = 4;
    static final int PAYERS = 20;
    static final int QR_IMAGES = 2_000;
    private static final String PASSWORD = "bench-password-1";

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = BenchApplication.start("bench", PORT);
        try {
            run(app);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        String storeQr = BenchApplication.approvedShopStoreQr(app, "bench", PASSWORD);
        List<ApiSession> payers = BenchApplication.fundedResidents(app, PORT, "bench", PAYERS, 1_000_000, PASSWORD)
                .stream().map(BenchApplication.Resident::session).toList();

        // The rate climbs in steps to the measured one: at full rate from a cold start the JIT compilers and the
        // requests would fight for the same two cores and build a backlog that the measured minute would inherit.
        for (int step = 1; step <= WARM_UP_STEPS; step++) {
            int rate = RATE_PER_SECOND * step / WARM_UP_STEPS;
            Phase warmUp = Phase.run(payers, storeQr, rate, WARM_UP_SECONDS / WARM_UP_STEPS);
            System.out.printf("warm-up at %d/s: %d payments, errors %d, p99 %.1f ms%n", rate,
                    warmUp.latencies.length, warmUp.errors, warmUp.percentileMillis(0.99));
        }

        Phase measured = Phase.run(payers, storeQr, RATE_PER_SECOND, SECONDS);
        int total = measured.latencies.length;
        long[] latencies = measured.latencies;
        double elapsed = measured.elapsedSeconds;
        System.out.printf("payment API: %d payments in %.1f s (%.0f/s offered %d/s), errors %d, "
                        + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", total, elapsed, total / elapsed,
                RATE_PER_SECOND, measured.errors, measured.percentileMillis(0.5), measured.percentileMillis(0.99),
                latencies[total - 1] / 1e6);
        StringBuilder windows = new StringBuilder();
        for (double p99 : measured.windowP99) {
            windows.append(String.format(" %.0f", p99));
        }
        System.out.printf("p99 per %d s window (ms):%s%n", Phase.WINDOW_SECONDS, windows);
        printServerSide(app.getBean(MeterRegistry.class));

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

    /**
     * One open-loop run at a fixed rate; latencies (sorted) count from each request's scheduled start, and
     * {@code windowP99} holds the p99 of each {@link #WINDOW_SECONDS}-second window in schedule order, to tell a
     * steady tail from a few bad moments.
     */
    private record Phase(long[] latencies, int errors, double elapsedSeconds, double[] windowP99) {
        static final int WINDOW_SECONDS = 5;

        static Phase run(List<ApiSession> payers, String storeQr, int ratePerSecond, int seconds) {
            int total = ratePerSecond * seconds;
            long[] latencies = new long[total];
            AtomicInteger errors = new AtomicInteger();
            List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
            long intervalNanos = 1_000_000_000L / ratePerSecond;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long scheduled = start + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                inFlight.add(pay(payers.get(i % payers.size()), storeQr).handle((status, failure) -> {
                    latencies[index] = System.nanoTime() - scheduled;
                    if (failure != null || status != 200) {
                        errors.incrementAndGet();
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            int perWindow = ratePerSecond * WINDOW_SECONDS;
            double[] windowP99 = new double[(total + perWindow - 1) / perWindow];
            for (int w = 0; w < windowP99.length; w++) {
                long[] window = Arrays.copyOfRange(latencies, w * perWindow, Math.min(total, (w + 1) * perWindow));
                Arrays.sort(window);
                windowP99[w] = window[Math.min(window.length - 1, (int) (window.length * 0.99))] / 1e6;
            }
            Arrays.sort(latencies);
            return new Phase(latencies, errors.get(), elapsed, windowP99);
        }

        double percentileMillis(double fraction) {
            return latencies[Math.min(latencies.length - 1, (int) (latencies.length * fraction))] / 1e6;
        }
    }

    static CompletableFuture<Integer> pay(ApiSession payer, String qr) {
        return payer.post("/api/payments",
                "{\"qr\":\"" + qr + "\",\"amount\":\"1\",\"intent\":\"" + QrCodes.nonce() + "\"}");
    }

    /**
     * Where the server spent a payment's time: waiting for the ledger's batch, waiting for a pooled connection.
     * These are cumulative since start (the warm-up included), which is enough to see which one dominates.
     */
    private static void printServerSide(MeterRegistry meters) {
        Timer ledger = meters.get("kyodo.ledger.request").timer();
        Timer acquire = meters.get("hikaricp.connections.acquire").tag("pool", "kyodo").timer();
        DistributionSummary batches = meters.get("kyodo.ledger.batch.entries").summary();
        System.out.printf("server side: ledger request mean %.1f ms max %.1f ms; connection acquire mean %.1f ms "
                        + "max %.1f ms; ledger batches %d of %.1f entries on average%n",
                ledger.mean(TimeUnit.MILLISECONDS), ledger.max(TimeUnit.MILLISECONDS),
                acquire.mean(TimeUnit.MILLISECONDS), acquire.max(TimeUnit.MILLISECONDS), batches.count(),
                batches.mean());
    }
}

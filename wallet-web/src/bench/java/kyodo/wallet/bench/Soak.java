package kyodo.wallet.bench;

import kyodo.fund.access.Role;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Registrar;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A long run of mixed traffic at a steady rate against the running application on loopback: payments, transfers,
 * donation pledges and report reads. Every minute it prints requests, errors, latency and the old generation's
 * size after the last collection (what the heap keeps, not what it has not collected yet); at the end it compares
 * the first and the last five minutes, which is where a leak or a slowly growing cost would show.
 *
 * <p>{@code ./mvnw -B -pl wallet-web -am -Psoak -DskipTests verify} ({@code -Dsoak.minutes=30 -Dsoak.rate=40
 * -Dsoak.seed=1}).
 */
public final class Soak {
    static final int PORT = Integer.getInteger("soak.port", 18160);
    static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    static final int RATE_PER_SECOND = Integer.getInteger("soak.rate", 40);
    static final long SEED = Long.getLong("soak.seed", 1);
    static final int RESIDENTS = 50;
    static final int WINDOW_MINUTES = 5;
    private static final String PASSWORD = "soak-password-1";

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = BenchApplication.start("soak", PORT);
        try {
            run(app);
        } finally {
            app.close();
        }
    }

    private static void run(ConfigurableApplicationContext app) throws Exception {
        Registrar registrar = app.getBean(Registrar.class);
        String storeQr = BenchApplication.approvedShopStoreQr(app, "soak", PASSWORD);

        List<BenchApplication.Resident> funded = BenchApplication.fundedResidents(app, PORT, "soak", RESIDENTS,
                10_000_000, PASSWORD);
        List<ApiSession> residents = funded.stream().map(BenchApplication.Resident::session).toList();
        List<Long> residentIds = funded.stream().map(BenchApplication.Resident::id).toList();
        registrar.createUser("soak-donor", "donor", PASSWORD, Role.DONOR);
        ApiSession donor = ApiSession.signIn(PORT, "soak-donor", PASSWORD);

        Random random = new Random(SEED);
        long intervalNanos = 1_000_000_000L / RATE_PER_SECOND;
        int perMinute = RATE_PER_SECOND * 60;
        List<Minute> minutes = new ArrayList<>();
        // Each minute is reported once its requests are answered, on a thread of its own, so that slow answers
        // never delay the schedule (which would hide them: latency counts from the scheduled start).
        java.util.concurrent.ExecutorService reporter = java.util.concurrent.Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        for (int m = 0; m < MINUTES; m++) {
            Minute minute = new Minute(m);
            minutes.add(minute);
            for (int i = 0; i < perMinute; i++) {
                long scheduled = start + ((long) m * perMinute + i) * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int who = random.nextInt(RESIDENTS);
                int kind = random.nextInt(10);
                CompletableFuture<Integer> call;
                String what;
                if (kind < 5) {
                    what = "pay";
                    call = PaymentBench.pay(residents.get(who), storeQr);
                } else if (kind < 7) {
                    what = "transfer";
                    long to = residentIds.get((who + 1 + random.nextInt(RESIDENTS - 1)) % RESIDENTS);
                    call = residents.get(who).post("/api/transfers", "{\"to\":\"resident\",\"id\":" + to
                            + ",\"amount\":\"1\",\"note\":\"soak\",\"intent\":\"" + QrCodes.nonce() + "\"}");
                } else if (kind < 8) {
                    what = "donate";
                    call = donor.post("/api/fund/donations", "{\"donorType\":\"INDIVIDUAL\",\"donorName\":\"寄附者\","
                            + "\"donorAddress\":\"東京都協働区1-2-3\",\"amount\":1000,\"designation\":\"general\","
                            + "\"anonymous\":false,\"publicNameConsent\":false}");
                } else if (kind < 9) {
                    what = "wallet";
                    call = residents.get(who).get("/api/wallet");
                } else {
                    what = "report";
                    call = donor.get(random.nextBoolean() ? "/api/fund/balances" : "/api/fund/results");
                }
                minute.track(what, call, scheduled);
            }
            reporter.submit(() -> minute.report(app));
        }
        reporter.shutdown();
        reporter.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        summarize(minutes);
    }

    private static void summarize(List<Minute> minutes) {
        int window = Math.min(WINDOW_MINUTES, minutes.size() / 2);
        List<Minute> first = minutes.subList(0, window);
        List<Minute> last = minutes.subList(minutes.size() - window, minutes.size());
        long requests = minutes.stream().mapToLong(m -> m.latencies.size()).sum();
        long errors = minutes.stream().mapToLong(m -> m.errors.get()).sum();
        System.out.printf("soak-summary minutes=%d rate=%d requests=%d errors=%d p99_first_ms=%.1f p99_last_ms=%.1f"
                        + " oldgen_after_gc_first_mb=%.1f oldgen_after_gc_last_mb=%.1f%n", minutes.size(),
                RATE_PER_SECOND, requests, errors, median(first, Minute::p99Millis), median(last, Minute::p99Millis),
                median(first, m -> m.oldGenMegabytes), median(last, m -> m.oldGenMegabytes));
    }

    private static double median(List<Minute> minutes, java.util.function.ToDoubleFunction<Minute> value) {
        double[] values = minutes.stream().mapToDouble(value).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }

    /** One minute of traffic: latencies from each request's scheduled start (open loop), errors, memory. */
    private static final class Minute {
        final int index;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final java.util.Map<String, ConcurrentLinkedQueue<Long>> byKind = new java.util.concurrent.ConcurrentSkipListMap<>();
        final AtomicInteger errors = new AtomicInteger();
        final List<CompletableFuture<Void>> calls = new ArrayList<>();
        double oldGenMegabytes;
        long[] sorted = new long[0];

        Minute(int index) {
            this.index = index;
        }

        void track(String kind, CompletableFuture<Integer> call, long scheduled) {
            ConcurrentLinkedQueue<Long> ofKind = byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
            calls.add(call.handle((status, failure) -> {
                long latency = System.nanoTime() - scheduled;
                latencies.add(latency);
                ofKind.add(latency);
                if (failure != null || status >= 400) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }

        void report(ConfigurableApplicationContext app) {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            oldGenMegabytes = oldGenAfterLastCollection() / 1e6;
            System.out.printf("soak minute %d: %d requests, %d errors, p50 %.1f ms, p99 %.1f ms, old gen after GC "
                            + "%.1f MB, ledger queue %d%n", index + 1, sorted.length, errors.get(), percentile(0.5),
                    p99Millis(), oldGenMegabytes, app.getBean(PostgresLedger.class).queueDepth());
            StringBuilder kinds = new StringBuilder("  p99 by kind:");
            byKind.forEach((kind, values) -> {
                long[] ofKind = values.stream().mapToLong(Long::longValue).sorted().toArray();
                kinds.append(String.format(" %s %.1f ms", kind, ofKind[Math.min(ofKind.length - 1,
                        (int) (ofKind.length * 0.99))] / 1e6));
            });
            System.out.println(kinds);
        }

        double p99Millis() {
            return percentile(0.99);
        }

        private double percentile(double fraction) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * fraction))] / 1e6;
        }

        private static long oldGenAfterLastCollection() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null
                        && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                    used += pool.getCollectionUsage().getUsed();
                }
            }
            return used;
        }
    }
}

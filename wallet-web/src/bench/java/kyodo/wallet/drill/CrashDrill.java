package kyodo.wallet.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The crash drill. Starts a PostgreSQL of its own on a kept data directory, then, round after round, runs the
 * packaged application as a separate process, pays a store QR from several signed-in residents through the
 * API, and kills the application with SIGKILL after a random 0.5–5 s; the next round first sends again every
 * payment whose answer never came, with the same intent. Then, with the application running under load, it
 * kills the database server (kill -9 of the postmaster) and restarts it on the same data, several times, and
 * waits each time for payments to be acknowledged again. Finally it settles every unknown payment and checks the
 * books against what the clients were told ({@link DrillAudit}). Prints one summary line; fails on any problem.
 *
 * <p>{@code ./mvnw -B -pl wallet-web -am -Pcrash-drill -DskipTests verify} (builds the jar first).
 * {@code -Ddrill.seed}, {@code -Ddrill.rounds} (20), {@code -Ddrill.db-kills} (5), {@code -Ddrill.port} (18170),
 * {@code -Ddrill.db-port} (18171). Arguments: the application jar and a work directory (emptied first).
 */
public final class CrashDrill {
    static final int ROUNDS = Integer.getInteger("drill.rounds", 20);
    static final int DB_KILLS = Integer.getInteger("drill.db-kills", 5);
    static final int PORT = Integer.getInteger("drill.port", 18170);
    static final int DB_PORT = Integer.getInteger("drill.db-port", 18171);
    /** The demo residents (5,000 pt each) and the approved demo shop. */
    static final List<String> RESIDENTS = List.of("hanako", "taro", "yuki");
    static final String MERCHANT = "bakery";
    static final int SESSIONS_PER_RESIDENT = 2;
    static final long KILL_AFTER_MILLIS_MIN = 500;
    static final long KILL_AFTER_MILLIS_MAX = 5_000;
    static final Duration RECOVERY_WAIT = Duration.ofSeconds(180);
    static final int SETTLE_PASSES_MAX = 20;

    private CrashDrill() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "wallet-web/target/kyodo.jar").toAbsolutePath();
        Path work = Path.of(args.length > 1 ? args[1] : "wallet-web/target/crash-drill").toAbsolutePath();
        long seed = Long.getLong("drill.seed", new Random().nextLong());
        System.out.println("crash drill seed " + seed + " (replay the kill timings and intents with -Ddrill.seed="
                + seed + "); jar " + jar + "; work directory " + work);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the application first");
        }
        String summary;
        try {
            summary = run(jar, work, seed);
        } catch (Throwable e) {
            System.out.println("crash drill FAILED (seed " + seed + "): " + e);
            throw e;
        }
        System.out.println(summary);
    }

    private static String run(Path jar, Path work, long seed) throws Exception {
        deleteRecursively(work);
        Path keys = Files.createDirectories(work.resolve("keys"));
        Path log = work.resolve("app.log");
        Random random = new Random(seed);
        PaymentBook book = new PaymentBook(seed, RESIDENTS.size());
        long started = System.nanoTime();
        int appStarts = 0;
        int appKills = 0;
        int dbKills = 0;
        List<Duration> startups = new ArrayList<>();
        AppProcess app = null;
        try (DrillDatabase database = new DrillDatabase(work.resolve("pgdata"), DB_PORT)) {
            database.start();
            String storeQr = null;
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    app = AppProcess.start(jar, PORT, database.jdbcUrl(), keys, log);
                    startups.add(app.awaitHealthy());
                    appStarts++;
                    if (storeQr == null) {
                        storeQr = Resident.signIn(PORT, MERCHANT).storeQrUrl();
                    }
                    long unknownBefore = book.unknown();
                    PaymentLoad load = load(book, storeQr);
                    load.start();
                    long killAfter = between(random, KILL_AFTER_MILLIS_MIN, KILL_AFTER_MILLIS_MAX);
                    Thread.sleep(killAfter);
                    app.kill();
                    appKills++;
                    load.stop();
                    System.out.printf("round %d: healthy after %.1f s, killed after %d ms of load; unknown before %d, "
                                    + "after %d; acknowledged so far %d%n", round,
                            startups.get(startups.size() - 1).toMillis() / 1e3, killAfter, unknownBefore,
                            book.unknown(), book.acknowledged().size());
                }

                app = AppProcess.start(jar, PORT, database.jdbcUrl(), keys, log);
                startups.add(app.awaitHealthy());
                appStarts++;
                PaymentLoad load = load(book, storeQr);
                load.start();
                for (int kill = 1; kill <= DB_KILLS; kill++) {
                    Thread.sleep(between(random, KILL_AFTER_MILLIS_MIN, KILL_AFTER_MILLIS_MAX));
                    database.killServer();
                    dbKills++;
                    long down = between(random, 0, 1_000);
                    Thread.sleep(down);
                    database.start();
                    Duration recovered = awaitAnswer(book, book.answered(), app);
                    System.out.printf("database kill %d: restarted after %d ms; payments answered again after "
                            + "%.1f s%n", kill, down, recovered.toMillis() / 1e3);
                }
                load.stop();
                settle(book, storeQr);
                app.kill();
            } finally {
                if (app != null && app.alive()) {
                    app.kill();
                }
            }
            if (book.unknown() > 0) {
                throw new IllegalStateException(book.unknown() + " payments still have no answer after settling");
            }
            DrillAudit.Result audit = DrillAudit.run(database.dataSource(), keys, book, work);
            double minutes = (System.nanoTime() - started) / 60e9;
            String summary = String.format("crash-drill seed=%d rounds=%d app_kills=%d app_restarts=%d db_kills=%d "
                            + "requests=%d payments_acknowledged=%d refused=%d unknown_retried=%d "
                            + "retried_on_books=%d entries_lost=%d duplicates=%d partial_entries=%d unasked=%d "
                            + "refused_on_books=%d payment_rows_missing=%d journal=%s; answers %s; "
                            + "median start %.1f s; %.1f min",
                    seed, ROUNDS, appKills, appStarts - 1, dbKills, book.requests(), book.acknowledged().size(),
                    book.refused().size(), book.retried().size(), audit.retriedOnTheBooks(), audit.lost(),
                    audit.duplicates(), audit.partial(), audit.unasked(), audit.refusedButOnTheBooks(),
                    audit.paymentRowsMissing(), audit.journal(), book.answerCounts(),
                    startups.stream().sorted().toList().get(startups.size() / 2).toMillis() / 1e3, minutes);
            if (!audit.problems().isEmpty()) {
                System.out.println(summary);
                throw new IllegalStateException("the books do not match what the clients were told: "
                        + audit.problems().subList(0, Math.min(20, audit.problems().size())));
            }
            return summary;
        }
    }

    private static PaymentLoad load(PaymentBook book, String storeQr) throws IOException, InterruptedException {
        List<Resident> sessions = new ArrayList<>();
        List<Integer> payers = new ArrayList<>();
        for (int payer = 0; payer < RESIDENTS.size(); payer++) {
            for (int s = 0; s < SESSIONS_PER_RESIDENT; s++) {
                sessions.add(Resident.signIn(PORT, RESIDENTS.get(payer)));
                payers.add(payer);
            }
        }
        return new PaymentLoad(sessions, payers, book, storeQr);
    }

    /** Waits until a payment is answered after a database restart: the application recovered by itself. */
    private static Duration awaitAnswer(PaymentBook book, long before, AppProcess app) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + RECOVERY_WAIT.toNanos();
        while (book.answered() <= before) {
            if (!app.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not recover from the database restart "
                        + "within " + RECOVERY_WAIT + "; log tail:\n" + app.tail());
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Sends every unknown payment again, with its intent, on a running application, until each has an answer. */
    private static void settle(PaymentBook book, String storeQr) throws IOException, InterruptedException {
        for (int pass = 0; pass < SETTLE_PASSES_MAX && book.unknown() > 0; pass++) {
            for (int payer = 0; payer < RESIDENTS.size(); payer++) {
                Resident session = Resident.signIn(PORT, RESIDENTS.get(payer));
                long left = book.unknown();
                for (long i = 0; i < left; i++) {
                    PaymentBook.Attempt attempt = book.retry(payer);
                    if (attempt == null) {
                        break;
                    }
                    book.record(attempt, session.pay(storeQr, PaymentLoad.AMOUNT, attempt.intent()));
                }
            }
            if (book.unknown() > 0) {
                Thread.sleep(1_000);
            }
        }
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

package kyodo.ledger.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.testing.BooksAudit;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The posting benchmark (issue "The books"): 64 client threads post single-leg transfers between 100,000
 * wallets, 5% of them touching one hot wallet, with durable commits, first through the batching writer and
 * then through a naive path (one transaction per transfer, each client on its own connection, same rules and
 * SQL), and last the {@link WriteFloor} of the same server. Prints progress, where the batched run's database time
 * went per entry, then exactly one result line last. Run: {@code ./mvnw -B -pl ledger-core -am -Pbench
 * -DskipTests verify}; {@code -Dbench.seconds}, {@code -Dbench.warmup.seconds}, {@code -Dbench.accounts}
 * change the shape, {@code KYODO_BENCH_DB_URL} (+ {@code _USER}, {@code _PASSWORD}) uses an external server.
 */
public final class LedgerBench {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 5);
    private static final int NAIVE_SECONDS = Integer.getInteger("bench.naive.seconds", SECONDS);
    private static final int FLOOR_SECONDS = Integer.getInteger("bench.floor.seconds", 10);
    /**
     * Transfers each client thread keeps in flight (through {@code postAsync}), as a server thread serving several
     * users does; 1 is a client that waits for every result before sending the next.
     */
    private static final int WINDOW = Integer.getInteger("bench.window", 1);
    private static final int HOT_PERCENT = 5;
    private static final long FUNDING = 1_000_000;

    private LedgerBench() {
    }

    public static void main(String[] args) throws Exception {
        try (Database database = Database.start()) {
            DataSource dataSource = database.dataSource;
            Result batched;
            Result naive;
            try (PostgresLedger ledger = new PostgresLedger(dataSource, new LedgerId(1), "bench", Clock.systemUTC())) {
                Wallets wallets = Wallets.open(ledger);
                log("batched: " + CLIENTS + " clients with " + WINDOW + " in flight each, " + ACCOUNTS + " wallets, warm-up " + WARMUP_SECONDS + " s, "
                        + "measure " + SECONDS + " s, synchronous_commit=" + database.synchronousCommit());
                long sequenceBefore = ledger.head().sequence();
                database.resetStatements();
                batched = drive("b", wallets, ledger::postAsync, WINDOW);
                log("batched: " + batched);
                database.printTopStatements(ledger.head().sequence() - sequenceBefore);
                List<String> problems = BooksAudit.problems(dataSource, ledger);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the books are not sound after the benchmark: " + problems);
                }
                log("books audited after batched run: sound (" + ledger.head().sequence() + " entries)");
                NaivePath path = new NaivePath(dataSource, ledger.id());
                naive = drive("n", wallets, request -> CompletableFuture.completedFuture(path.post(request)), 1);
                log("naive: " + naive);
            }
            log("write floor: " + WriteFloor.measure(dataSource, WARMUP_SECONDS, FLOOR_SECONDS));
            System.out.printf("ledger-bench transfers_per_s=%d p50_ms=%.2f p99_ms=%.2f naive_transfers_per_s=%d%n",
                    Math.round(batched.perSecond), batched.p50Millis, batched.p99Millis, Math.round(naive.perSecond));
        }
    }

    private interface Poster {
        CompletableFuture<PostResult> post(EntryRequest request);
    }

    private record Result(double perSecond, double p50Millis, double p99Millis, long posted, long refused) {
        @Override
        public String toString() {
            return String.format("%.0f transfers/s, p50 %.2f ms, p99 %.2f ms (%d posted, %d refused)", perSecond,
                    p50Millis, p99Millis, posted, refused);
        }
    }

    /** Latencies of one client's measured transfers, written by whichever thread completes them. */
    private static final class Latencies {
        private final long[] nanos = new long[2_000_000 / CLIENTS];
        private final AtomicInteger count = new AtomicInteger();

        void add(long took) {
            int at = count.getAndIncrement();
            if (at < nanos.length) {
                nanos[at] = took;
            }
        }

        int size() {
            return Math.min(count.get(), nanos.length);
        }
    }

    private static Result drive(String prefix, Wallets wallets, Poster poster, int window) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong posted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Latencies mine = new Latencies();
            latencies.add(mine);
            clients.add(CompletableFuture.runAsync(() -> {
                Random random = new Random(client * 31L + prefix.hashCode());
                Semaphore inFlight = new Semaphore(window);
                ready.countDown();
                for (long i = 0; !stop.get(); i++) {
                    AccountId from = wallets.pick(random);
                    AccountId to = wallets.pick(random);
                    if (from.equals(to)) {
                        continue;
                    }
                    EntryRequest request = EntryRequest.of(prefix + client + ":" + i, EntryKind.TRANSFER,
                            "bench:" + client, Leg.transfer(from, to, Amount.pt(1 + random.nextInt(100))));
                    inFlight.acquireUninterruptibly();
                    long started = System.nanoTime();
                    boolean measured = measuring.get();
                    poster.post(request).whenComplete((result, failure) -> {
                        if (failure != null) {
                            failure.printStackTrace();
                            stop.set(true);
                        } else if (measured && measuring.get()) {
                            mine.add(System.nanoTime() - started);
                            (result.code() == ResultCode.POSTED ? posted : refused).incrementAndGet();
                        }
                        inFlight.release();
                    });
                }
                inFlight.acquireUninterruptibly(window);
            }, r -> {
                Thread thread = new Thread(r);
                thread.setDaemon(true);
                thread.start();
            }));
        }
        ready.await();
        Thread.sleep(WARMUP_SECONDS * 1000L);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep((prefix.equals("n") ? NAIVE_SECONDS : SECONDS) * 1000L);
        measuring.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        for (CompletableFuture<Void> client : clients) {
            client.join();
        }
        long total = posted.get() + refused.get();
        long[] measured = new long[latencies.stream().mapToInt(Latencies::size).sum()];
        int k = 0;
        for (Latencies mine : latencies) {
            System.arraycopy(mine.nanos, 0, measured, k, mine.size());
            k += mine.size();
        }
        Arrays.sort(measured);
        return new Result(total / seconds, percentile(measured, 0.50), percentile(measured, 0.99), posted.get(),
                refused.get());
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void log(String line) {
        System.out.println("[ledger-bench] " + line);
    }

    /** 100,000 funded wallets plus one hot wallet that 5% of transfers touch. */
    private record Wallets(List<AccountId> ids, AccountId hot) {
        static Wallets open(PostgresLedger ledger) {
            AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            List<AccountId> ids = new ArrayList<>(ACCOUNTS);
            for (int from = 0; from < ACCOUNTS; from += 10_000) {
                List<AccountSpec> specs = new ArrayList<>();
                for (int i = from; i < Math.min(ACCOUNTS, from + 10_000); i++) {
                    specs.add(AccountSpec.unclassifiedWallet("wallet:" + i, Asset.PT));
                }
                ledger.openAll(specs).forEach(r -> ids.add(r.orThrow().id()));
            }
            AccountId hot = ledger.open(AccountSpec.unclassifiedWallet("wallet:hot", Asset.PT)).orThrow().id();
            List<EntryRequest> funding = new ArrayList<>();
            for (AccountId id : ids) {
                funding.add(EntryRequest.of("fund:" + id.value(), EntryKind.ISSUE, "bench",
                        Leg.transfer(issuer, id, Amount.pt(FUNDING))));
            }
            funding.add(EntryRequest.of("fund:hot", EntryKind.ISSUE, "bench",
                    Leg.transfer(issuer, hot, Amount.pt(FUNDING * 1000))));
            for (int from = 0; from < funding.size(); from += 10_000) {
                ledger.postAll(funding.subList(from, Math.min(funding.size(), from + 10_000)));
            }
            log("opened and funded " + ids.size() + " wallets and the hot one");
            ledger.analyze();
            return new Wallets(ids, hot);
        }

        AccountId pick(Random random) {
            // Each side is hot with half the rate, so about 5% of transfers touch the hot wallet.
            if (random.nextInt(200) < HOT_PERCENT) {
                return hot;
            }
            return ids.get(random.nextInt(ids.size()));
        }
    }

    /** The naive way: each transfer in its own transaction, on the caller's own connection, same rules. */
    private static final class NaivePath {
        private final DataSource dataSource;
        private final LedgerId ledger;
        private final Map<String, Asset> assets = Map.of("PT", Asset.PT, "JPY", Asset.JPY);

        NaivePath(DataSource dataSource, LedgerId ledger) {
            this.dataSource = dataSource;
            this.ledger = ledger;
        }

        PostResult post(EntryRequest request) {
            Submission submission = new Submission(request, CanonicalEncoding.requestDigest(request),
                    System.nanoTime(), new CompletableFuture<>());
            while (true) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try {
                        PostResult result = new BatchTransaction(connection, ledger, assets, AccountCache.none())
                                .run(List.of(submission), Clock.systemUTC()).get(0);
                        connection.commit();
                        return result;
                    } catch (SQLException e) {
                        connection.rollback();
                        if (!SqlStates.worthRetrying(e)) {
                            throw e;
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A durable PostgreSQL for the run: embedded (fsync and synchronous_commit on) unless one is named. */
    private static final class Database implements AutoCloseable {
        private final EmbeddedPostgres embedded;
        private final HikariDataSource dataSource;

        private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
            this.embedded = embedded;
            this.dataSource = dataSource;
        }

        static Database start() throws Exception {
            String url = System.getenv("KYODO_BENCH_DB_URL");
            EmbeddedPostgres embedded = null;
            HikariConfig config = new HikariConfig();
            if (url != null && !url.isBlank()) {
                config.setJdbcUrl(url);
                config.setUsername(System.getenv().getOrDefault("KYODO_BENCH_DB_USER", "postgres"));
                config.setPassword(System.getenv().getOrDefault("KYODO_BENCH_DB_PASSWORD", ""));
            } else {
                Path directory = Files.createTempDirectory("kyodo-bench-pg");
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "1GB")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("wal_buffers", "64MB")
                        .setServerConfig("max_wal_size", "8GB")
                        .setServerConfig("checkpoint_timeout", "30min")
                        // Where the database spends its time, printed after the run (pg_stat_statements).
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all")
                        .setServerConfig("pg_stat_statements.track_planning", "on")

                        .start();
                config.setJdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
                config.setUsername("postgres");
            }
            config.setMaximumPoolSize(CLIENTS + 8);
            config.setPoolName("bench");
            HikariDataSource dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            if (embedded != null) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.createStatement().execute("create extension if not exists pg_stat_statements");
                }
            }
            return new Database(embedded, dataSource);
        }

        void resetStatements() {
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("select pg_stat_statements_reset()");
            } catch (SQLException e) {
                log("no statement statistics: " + e.getMessage());
            }
        }

        /**
         * Where the database's time went since the reset, per entry written: the statements that took the most,
         * planning included. The head lock's time is mostly waiting for the previous batch, not work.
         */
        void printTopStatements(long entries) {
            try (Connection connection = dataSource.getConnection();
                 var rs = connection.createStatement().executeQuery("""
                         select calls, total_exec_time + total_plan_time as total_ms, rows,
                                regexp_replace(left(query, 90), '\\s+', ' ', 'g') as query
                           from pg_stat_statements order by total_exec_time desc limit 10""")) {
                while (rs.next()) {
                    log(String.format("db %7.1f µs per entry %8d calls %9d rows  %s",
                            rs.getDouble(2) * 1000 / Math.max(1, entries), rs.getLong(1), rs.getLong(3),
                            rs.getString(4)));
                }
            } catch (SQLException e) {
                log("no statement statistics: " + e.getMessage());
            }
        }

        String synchronousCommit() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                 var rs = connection.createStatement().executeQuery("show synchronous_commit")) {
                rs.next();
                return rs.getString(1);
            }
        }

        @Override
        public void close() throws Exception {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

package kyodo.ledger.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.LedgerUnavailable;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.memory.InMemoryLedger;
import kyodo.ledger.postgres.FaultInjector.Fault;
import kyodo.ledger.testing.BooksAudit;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The ledger under database faults: serialization failures, deadlocks, backends terminated mid-batch,
 * connections closing under the writer, and commits whose answer is lost. Many callers post transfers with
 * unique keys and retry the same request until they get an answer, as the ledger's contract tells them to.
 * Afterwards every acknowledged entry is on the books exactly once with the sequence the caller was told,
 * nothing else is, the balances and the whole chain equal a replay through {@link InMemoryLedger}, and the SQL
 * audit passes.
 *
 * <p>Seeded: {@code -Dkyodo.faults.seed=<seed>} replays the workload and the fault draws (thread interleaving
 * still varies). {@code -Dkyodo.faults.transfers} sets the number of transfers (default 2,400).
 */
class FaultsTest {
    private static final int THREADS = 8;
    private static final int TRANSFERS = Integer.getInteger("kyodo.faults.transfers", 2_400);
    private static final int WALLETS = 40;
    private static final long FUNDING = 200;
    private static final int AMOUNT_MAX = 60;
    private static final int CALLER_ATTEMPTS_MAX = 1_000;
    private static final double STATEMENT_FAULT_RATE = 0.04;
    private static final double LOST_ACK_RATE = 0.05;
    /** Fewer writer retries than the default, so that callers also see failures and retry themselves. */
    private static final int WRITER_RETRIES = 2;
    private static final LedgerId LEDGER = new LedgerId(3);

    @Test
    void faultsNeitherLoseNorDuplicateAnAcknowledgedEntry() throws Exception {
        long seed = Long.getLong("kyodo.faults.seed", new Random().nextLong());
        try {
            run(seed);
        } catch (Throwable e) {
            System.out.println("FaultsTest failed; replay with -Dkyodo.faults.seed=" + seed);
            throw e;
        }
    }

    /** A ledger on a pool whose connections come through a {@link FaultInjector}. */
    private record Rig(TestDatabase database, FaultInjector faults, HikariDataSource pool, PostgresLedger ledger,
                       Map<String, AtomicLong> writerRetries) implements AutoCloseable {
        static Rig open(String purpose, long seed, double statementFaultRate, double lostAckRate, int writerRetriesMax) {
            TestDatabase database = TestDatabase.create(purpose);
            PGSimpleDataSource driver = new PGSimpleDataSource();
            driver.setUrl(database.url());
            driver.setUser(database.user());
            driver.setPassword(database.password());
            FaultInjector faults = new FaultInjector(seed, statementFaultRate, lostAckRate, driver);
            HikariConfig config = new HikariConfig();
            config.setDataSource(faults.wrap(driver));
            config.setMaximumPoolSize(8);
            config.setPoolName(purpose);
            Map<String, AtomicLong> writerRetries = new ConcurrentHashMap<>();
            WriterListener listener = new WriterListener() {
                @Override
                public void batchRetried(String sqlState) {
                    writerRetries.computeIfAbsent(String.valueOf(sqlState), s -> new AtomicLong()).incrementAndGet();
                }
            };
            HikariDataSource pool = new HikariDataSource(config);
            PostgresLedger ledger = new PostgresLedger(pool, LEDGER, purpose, Clock.systemUTC(),
                    new WriterSettings(4096, 65_536, Duration.ZERO, writerRetriesMax), listener);
            return new Rig(database, faults, pool, ledger, writerRetries);
        }

        long writerRetried() {
            return writerRetries.values().stream().mapToLong(AtomicLong::get).sum();
        }

        @Override
        public void close() {
            ledger.close();
            pool.close();
        }
    }

    @Test
    void aCommitWhoseAnswerIsLostIsReportedAsPostedOnce() {
        try (Rig rig = Rig.open("lost_ack", 1, 0, 0, WriterSettings.DEFAULT.retriesMax())) {
            PostgresLedger ledger = rig.ledger();
            AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
            rig.faults().loseNextCommitAnswers(1);
            PostResult result = ledger.post(EntryRequest.of("issue:1", EntryKind.ISSUE, "staff:1",
                    Leg.transfer(issuer, wallet, Amount.pt(500))));

            assertThat(rig.faults().injected(Fault.COMMIT_ACK_LOST)).isEqualTo(1);
            assertThat(rig.writerRetried()).as("the writer retried after the lost answer").isEqualTo(1);
            assertThat(result.code()).isEqualTo(ResultCode.POSTED);
            assertThat(result.sequence()).isEqualTo(1);
            assertThat(ledger.head().sequence()).isEqualTo(1);
            assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(500);
            assertThat(BooksAudit.problems(rig.database().dataSource(), ledger)).isEmpty();
        }
    }

    @Test
    void aCallerLeftWithoutAnAnswerLearnsFromItsRetryThatTheEntryIsOnTheBooks() {
        try (Rig rig = Rig.open("lost_ack_no_retry", 1, 0, 0, 0)) {
            PostgresLedger ledger = rig.ledger();
            AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
            EntryRequest request = EntryRequest.of("issue:1", EntryKind.ISSUE, "staff:1",
                    Leg.transfer(issuer, wallet, Amount.pt(500)));
            rig.faults().loseNextCommitAnswers(1);
            assertThatThrownBy(() -> ledger.post(request)).isInstanceOf(LedgerUnavailable.class);

            PostResult retried = ledger.post(request);
            assertThat(retried.code()).isEqualTo(ResultCode.ALREADY_POSTED);
            assertThat(retried.sequence()).isEqualTo(1);
            assertThat(ledger.post(EntryRequest.of("issue:1", EntryKind.ISSUE, "staff:1",
                    Leg.transfer(issuer, wallet, Amount.pt(501)))).code())
                    .isEqualTo(ResultCode.KEY_REUSED_WITH_DIFFERENT_REQUEST);
            assertThat(ledger.head().sequence()).isEqualTo(1);
            assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(500);
        }
    }

    private void run(long seed) throws Exception {
        try (Rig rig = Rig.open("faults", seed, STATEMENT_FAULT_RATE, LOST_ACK_RATE, WRITER_RETRIES)) {
            TestDatabase database = rig.database();
            FaultInjector faults = rig.faults();
            PostgresLedger ledger = rig.ledger();
            Map<String, AtomicLong> writerRetries = rig.writerRetries();
            Map<String, EntryRequest> requests = new ConcurrentHashMap<>();
            List<AccountSpec> specs = new ArrayList<>();
            specs.add(AccountSpec.unclassified("issuance", Asset.PT, AccountKind.EQUITY));
            for (int i = 0; i < WALLETS; i++) {
                specs.add(AccountSpec.unclassifiedWallet("wallet:" + i, Asset.PT));
            }
            List<AccountId> ids = ledger.openAll(specs).stream().map(r -> r.orThrow().id()).toList();
            List<AccountId> wallets = ids.subList(1, ids.size());
            List<EntryRequest> funding = new ArrayList<>();
            for (int i = 0; i < WALLETS; i++) {
                EntryRequest request = EntryRequest.of("fund:" + i, EntryKind.ISSUE, "staff:1",
                        Leg.transfer(ids.get(0), wallets.get(i), Amount.pt(FUNDING)));
                funding.add(request);
                requests.put(request.key().value(), request);
            }
            assertThat(ledger.postAll(funding)).allMatch(r -> r.code() == ResultCode.POSTED);

            Map<String, PostResult> answers = new ConcurrentHashMap<>();
            AtomicLong callerRetries = new AtomicLong();
            Map<String, PostResult> firstAttempt = new ConcurrentHashMap<>();
            faults.arm(true);
            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(callers.submit(() -> {
                    Random random = new Random(seed + thread);
                    for (int i = thread; i < TRANSFERS; i += THREADS) {
                        int from = random.nextInt(WALLETS);
                        int to = (from + 1 + random.nextInt(WALLETS - 1)) % WALLETS;
                        EntryRequest request = EntryRequest.of("t:" + i, EntryKind.TRANSFER, "caller:" + thread,
                                Leg.transfer(wallets.get(from), wallets.get(to),
                                        Amount.pt(1 + random.nextInt(AMOUNT_MAX))));
                        requests.put(request.key().value(), request);
                        PostResult answer = postUntilAnswered(ledger, request, callerRetries, firstAttempt);
                        answers.put(request.key().value(), answer);
                    }
                    return null;
                }));
            }
            callers.shutdown();
            for (Future<?> future : done) {
                future.get(10, TimeUnit.MINUTES);
            }
            faults.arm(false);
            double seconds = (System.nanoTime() - started) / 1e9;

            Map<String, PostResult> acknowledged = new HashMap<>();
            answers.forEach((key, answer) -> {
                assertThat(answer.code()).as(key).isIn(ResultCode.POSTED, ResultCode.ALREADY_POSTED,
                        ResultCode.INSUFFICIENT_FUNDS);
                if (answer.onTheBooks()) {
                    acknowledged.put(key, answer);
                }
            });

            List<JournalEntry> journal = journal(ledger);
            Map<String, Long> onTheBooks = new HashMap<>();
            long duplicates = 0;
            for (JournalEntry entry : journal) {
                if (onTheBooks.put(entry.key().value(), entry.sequence()) != null) {
                    duplicates++;
                }
            }
            duplicates += duplicateKeysInSql(database);
            long lost = 0;
            for (Map.Entry<String, PostResult> ack : acknowledged.entrySet()) {
                Long sequence = onTheBooks.get(ack.getKey());
                if (sequence == null) {
                    lost++;
                } else {
                    assertThat(sequence).as("sequence the caller of %s was told", ack.getKey())
                            .isEqualTo(ack.getValue().sequence());
                }
            }
            Set<String> unasked = new HashSet<>(onTheBooks.keySet());
            unasked.removeIf(key -> key.startsWith("fund:") || acknowledged.containsKey(key));

            InMemoryLedger reference = replay(journal, requests, specs);
            for (AccountId id : ids) {
                assertThat(ledger.account(id).orElseThrow().totals()).as("account %d", id.value())
                        .isEqualTo(reference.account(id).orElseThrow().totals());
            }
            assertThat(reference.head().hash()).as("chain of the replayed journal").isEqualTo(ledger.head().hash());
            List<String> problems = BooksAudit.problems(database.dataSource(), ledger);

            long retriedByWriter = writerRetries.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf("faults seed=%d transfers=%d acknowledged=%d rejected=%d in %.1f s; injected %d: "
                            + "serialization=%d deadlock=%d backend_terminated=%d connection_closed=%d "
                            + "commit_ack_lost=%d; writer_retries=%d %s caller_retries=%d; entries_lost=%d "
                            + "duplicates=%d unasked=%d already_posted_answers=%d audit=%s%n",
                    seed, answers.size(), acknowledged.size(), answers.size() - acknowledged.size(), seconds,
                    faults.injectedTotal(), faults.injected(Fault.SERIALIZATION), faults.injected(Fault.DEADLOCK),
                    faults.injected(Fault.BACKEND_TERMINATED), faults.injected(Fault.CONNECTION_CLOSED),
                    faults.injected(Fault.COMMIT_ACK_LOST), retriedByWriter, writerRetries, callerRetries.get(),
                    lost, duplicates, unasked.size(),
                    answers.values().stream().filter(r -> r.code() == ResultCode.ALREADY_POSTED).count(),
                    problems.isEmpty() ? "ok" : problems);

            assertThat(answers).hasSize(TRANSFERS);
            assertThat(lost).as("acknowledged entries missing from the books").isZero();
            assertThat(duplicates).as("keys on the books more than once").isZero();
            assertThat(unasked).as("entries on the books that no caller was told about").isEmpty();
            assertThat(problems).isEmpty();
            assertThat(firstAttempt.values()).as("a key asked once is posted, not already posted, even when the "
                    + "answer to its commit was lost").noneMatch(r -> r.code() == ResultCode.ALREADY_POSTED);
            for (Fault fault : Fault.values()) {
                assertThat(faults.injected(fault)).as("%s faults injected", fault).isPositive();
            }
            assertThat(retriedByWriter).isPositive();
        }
    }

    /** What a caller of the ledger must do with {@link LedgerUnavailable}: retry the same request. */
    private static PostResult postUntilAnswered(PostgresLedger ledger, EntryRequest request, AtomicLong retries,
                                                Map<String, PostResult> firstAttempt) {
        for (int attempt = 0; attempt < CALLER_ATTEMPTS_MAX; attempt++) {
            try {
                PostResult result = ledger.post(request);
                if (attempt == 0) {
                    firstAttempt.put(request.key().value(), result);
                }
                return result;
            } catch (LedgerUnavailable e) {
                retries.incrementAndGet();
            }
        }
        return fail("no answer for " + request.key() + " after " + CALLER_ATTEMPTS_MAX + " attempts");
    }

    private static List<JournalEntry> journal(PostgresLedger ledger) {
        List<JournalEntry> journal = new ArrayList<>();
        long head = ledger.head().sequence();
        while (journal.size() < head) {
            List<JournalEntry> page = ledger.entries(journal.size() + 1, head);
            assertThat(page).as("journal after sequence %d", journal.size()).isNotEmpty();
            journal.addAll(page);
        }
        return journal;
    }

    /**
     * Posts the requests of the journal's entries, in journal order and at their recorded times, to the reference
     * ledger: each must post with the same sequence, and the chain must come out the same.
     */
    private static InMemoryLedger replay(List<JournalEntry> journal, Map<String, EntryRequest> requests,
                                         List<AccountSpec> specs) {
        MutableClock clock = new MutableClock(journal.get(0).postedAt());
        InMemoryLedger reference = new InMemoryLedger(LEDGER, clock);
        reference.openAll(specs).forEach(r -> r.orThrow());
        for (JournalEntry entry : journal) {
            EntryRequest request = requests.get(entry.key().value());
            assertThat(request).as("request for journal entry %s", entry.key()).isNotNull();
            clock.set(entry.postedAt());
            PostResult result = reference.post(request);
            assertThat(result.code()).as("replay of %s", entry.key()).isEqualTo(ResultCode.POSTED);
            assertThat(result.sequence()).isEqualTo(entry.sequence());
        }
        return reference;
    }

    private static long duplicateKeysInSql(TestDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select count(*) from (select key from entry where ledger_id = ? group by key having count(*) > 1) d""")) {
            statement.setLong(1, LEDGER.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

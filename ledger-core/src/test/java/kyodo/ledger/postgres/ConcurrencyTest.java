package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.testing.BooksAudit;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Many callers at once: the books stay balanced, wallets never go below zero, and nothing posts twice. */
class ConcurrencyTest {
    private static final int THREADS = 64;
    private static final int TRANSFERS_PER_THREAD = 2_000;
    private static final int WALLETS = 10_000;
    private static final int HOT_WALLETS = 3;
    private static TestDatabase database;
    private static PostgresLedger ledger;
    private static long seed;

    @BeforeAll
    static void open() {
        database = TestDatabase.create("concurrency");
        ledger = new PostgresLedger(database.dataSource(), new LedgerId(1), "concurrency", Clock.systemUTC());
        seed = Long.getLong("kyodo.concurrency.seed", new Random().nextLong());
        System.out.println("concurrency test seed " + seed);
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void manyThreadsTransferringKeepTheBooksSound() throws Exception {
        long before = ledger.head().sequence();
        AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                AccountKind.EQUITY)).orThrow().id();
        List<AccountSpec> specs = new ArrayList<>();
        for (int i = 0; i < WALLETS + HOT_WALLETS; i++) {
            specs.add(AccountSpec.unclassifiedWallet("wallet:" + i, Asset.PT));
        }
        List<AccountId> wallets = ledger.openAll(specs).stream().map(r -> r.orThrow().id()).toList();
        List<EntryRequest> funding = new ArrayList<>();
        for (int i = 0; i < wallets.size(); i++) {
            long amount = i >= WALLETS ? 1_000_000 : 500;
            funding.add(EntryRequest.of("fund:" + i, EntryKind.ISSUE, "staff:1",
                    Leg.transfer(issuer, wallets.get(i), Amount.pt(amount))));
        }
        assertThat(ledger.postAll(funding)).allMatch(r -> r.code() == ResultCode.POSTED);

        AtomicLong posted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(seed + thread);
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    AccountId from = pick(random, wallets);
                    AccountId to = pick(random, wallets);
                    if (from.equals(to)) {
                        continue;
                    }
                    PostResult result = ledger.post(EntryRequest.of("t:" + thread + ":" + i, EntryKind.TRANSFER,
                            "resident:" + thread, Leg.transfer(from, to, Amount.pt(1 + random.nextInt(300)))));
                    assertThat(result.code()).isIn(ResultCode.POSTED, ResultCode.INSUFFICIENT_FUNDS);
                    (result.code() == ResultCode.POSTED ? posted : refused).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(ledger.head().sequence()).isEqualTo(before + wallets.size() + posted.get());
        assertThat(BooksAudit.problems(database.dataSource(), ledger)).isEmpty();
        assertThat(refused.get()).as("some transfers must have hit an empty wallet").isPositive();
    }

    /** 5% of transfers touch one of a few hot wallets, so the writer sees contention on the same rows. */
    private static AccountId pick(Random random, List<AccountId> wallets) {
        if (random.nextInt(20) == 0) {
            return wallets.get(WALLETS + random.nextInt(HOT_WALLETS));
        }
        return wallets.get(random.nextInt(WALLETS));
    }

    @Test
    void aBurstOfSpendsOfTheWholeBalanceSucceedsExactlyOnce() throws Exception {
        AccountId issuer = ledger.open(AccountSpec.unclassified("issuance:burst", Asset.PT,
                AccountKind.EQUITY)).orThrow().id();
        AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:burst", Asset.PT)).orThrow().id();
        AccountId shop = ledger.open(AccountSpec.unclassifiedWallet("merchant:burst", Asset.PT)).orThrow().id();
        ledger.post(EntryRequest.of("burst:fund", EntryKind.ISSUE, "staff:1", Leg.transfer(issuer, wallet, Amount.pt(700))));

        Map<ResultCode, Integer> outcomes = race(100, i -> EntryRequest.of("burst:spend:" + i, EntryKind.SPEND,
                "resident:1", Leg.transfer(wallet, shop, Amount.pt(700))));

        assertThat(outcomes).containsEntry(ResultCode.POSTED, 1).containsEntry(ResultCode.INSUFFICIENT_FUNDS, 99);
        assertThat(ledger.balance(wallet).orElseThrow().posted()).isZero();
        assertThat(ledger.balance(shop).orElseThrow().posted()).isEqualTo(700);
    }

    @Test
    void theSameKeysRetriedFromEightThreadsPostOnce() throws Exception {
        AccountId issuer = ledger.open(AccountSpec.unclassified("issuance:retry", Asset.PT,
                AccountKind.EQUITY)).orThrow().id();
        AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:retry", Asset.PT)).orThrow().id();
        long before = ledger.head().sequence();
        Map<String, List<PostResult>> byKey = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int k = 0; k < 200; k++) {
                    PostResult result = ledger.post(EntryRequest.of("retry:" + k, EntryKind.ISSUE, "staff:1",
                            Leg.transfer(issuer, wallet, Amount.pt(k + 1))));
                    byKey.computeIfAbsent(result.key().value(), x -> java.util.Collections.synchronizedList(
                            new ArrayList<>())).add(result);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        assertThat(byKey).hasSize(200);
        byKey.forEach((key, results) -> {
            assertThat(results).hasSize(8);
            assertThat(results).filteredOn(r -> r.code() == ResultCode.POSTED).hasSize(1);
            assertThat(results).filteredOn(r -> r.code() == ResultCode.ALREADY_POSTED).hasSize(7);
            assertThat(results).extracting(PostResult::sequence).containsOnly(results.get(0).sequence());
        });
        assertThat(ledger.head().sequence()).isEqualTo(before + 200);
        assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(200L * 201 / 2);
    }

    private static Map<ResultCode, Integer> race(int callers, java.util.function.IntFunction<EntryRequest> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PostResult>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            results.add(pool.submit(() -> {
                start.await();
                return ledger.post(request.apply(caller));
            }));
        }
        start.countDown();
        Map<ResultCode, Integer> outcomes = new java.util.EnumMap<>(ResultCode.class);
        for (Future<PostResult> result : results) {
            outcomes.merge(result.get().code(), 1, Integer::sum);
        }
        pool.shutdown();
        return outcomes;
    }
}

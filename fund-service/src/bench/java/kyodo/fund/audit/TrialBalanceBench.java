package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.LedgerId;
import kyodo.ledger.Leg;
import kyodo.ledger.PostResult;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import kyodo.ledger.testing.BulkTransfers;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The trial balance benchmark (issue 7): builds a ledger of {@code bench.entries} entries (default 1,000,000)
 * spread over {@code bench.days} business days (default 365) between {@code bench.accounts} point wallets
 * and the fund's yen accounts, through the ledger's own batching writer, then times
 * {@code Ledger.trialBalance(asOf)} at the end of {@code bench.samples} random dates (seeded) and one page of the
 * per-account trial balance. Prints progress, then one summary line last. Run:
 * {@code ./mvnw -B -o -pl fund-service -am -Paudit-bench -DskipTests verify}. Not a test: numbers on a shared
 * machine are indicative only.
 */
public final class TrialBalanceBench {
    private static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    private static final int DAYS = Integer.getInteger("bench.days", 365);
    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 50);
    private static final long SEED = Long.getLong("bench.seed", 20261125L);
    private static final int IN_FLIGHT = 4096;
    /** {@code -Dbench.build=writer} posts every entry through the ledger's writer instead of set-based SQL. */
    private static final boolean BUILD_WITH_WRITER = "writer".equals(System.getProperty("bench.build", "sql"));
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 4, 1);

    private TrialBalanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(SEED);
        TestDatabase database = TestDatabase.create("trial_balance_bench");
        MutableClock clock = new MutableClock(FIRST_DAY.atTime(8, 0).atZone(BusinessCalendar.ZONE).toInstant());
        try (PostgresLedger ledger = new PostgresLedger(database.dataSource(), new LedgerId(1), "bench", clock)) {
            List<AccountSpec> specs = new ArrayList<>();
            specs.add(AccountSpec.unclassified("issuance:pt", Asset.PT, AccountKind.EQUITY));
            specs.add(AccountSpec.unclassified("fund:bank", Asset.JPY, AccountKind.ASSET));
            specs.add(AccountSpec.unclassified("fund:designation:general", Asset.JPY, AccountKind.EQUITY));
            for (int i = 0; i < ACCOUNTS; i++) {
                specs.add(AccountSpec.unclassified("wallet:resident:" + i, Asset.PT, AccountKind.LIABILITY));
            }
            List<AccountId> ids = new ArrayList<>();
            for (int from = 0; from < specs.size(); from += 1000) {
                ledger.openAll(specs.subList(from, Math.min(specs.size(), from + 1000)))
                        .forEach(result -> ids.add(result.orThrow().id()));
            }
            AccountId issuance = ids.get(0);
            AccountId bank = ids.get(1);
            AccountId general = ids.get(2);
            long started = System.nanoTime();
            int posted = BUILD_WITH_WRITER
                    ? buildThroughTheWriter(ledger, clock, random, ids, issuance, bank, general)
                    : buildWithSql(database, ids, issuance, bank, general);
            log(String.format("built %,d entries, %,d accounts, %d days in %.0f s (%s); head %d", posted,
                    specs.size(), DAYS, seconds(started), BUILD_WITH_WRITER ? "through the writer" : "set-based SQL",
                    ledger.head().sequence()));
            try (var analyze = database.dataSource().getConnection().createStatement()) {
                analyze.execute("vacuum analyze");
            }

            TrialBalances sheets = new TrialBalances(ledger);
            long[] totalsNanos = new long[SAMPLES];
            long[] pageNanos = new long[SAMPLES];
            for (int warm = 0; warm < 5; warm++) {
                ledger.trialBalance(BusinessCalendar.endOf(FIRST_DAY.plusDays(random.nextInt(DAYS))));
            }
            for (int i = 0; i < SAMPLES; i++) {
                LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
                long start = System.nanoTime();
                List<TrialBalance> sums = ledger.trialBalance(BusinessCalendar.endOf(date));
                totalsNanos[i] = System.nanoTime() - start;
                if (!sums.stream().allMatch(TrialBalance::balanced)) {
                    throw new IllegalStateException("the trial balance as of " + date + " does not balance: " + sums);
                }
                start = System.nanoTime();
                sheets.asOf(date, "", TrialBalances.PAGE_MAX);
                pageNanos[i] = System.nanoTime() - start;
            }
            System.out.printf("trial-balance-bench entries=%d accounts=%d days=%d samples=%d seed=%d "
                            + "trial_balance_p50_ms=%.1f trial_balance_p99_ms=%.1f account_page_p50_ms=%.1f "
                            + "account_page_p99_ms=%.1f target_ms=200%n", posted, specs.size(), DAYS, SAMPLES, SEED,
                    percentile(totalsNanos, 50), percentile(totalsNanos, 99), percentile(pageNanos, 50),
                    percentile(pageNanos, 99));
        }
    }

    private static int buildThroughTheWriter(PostgresLedger ledger, MutableClock clock, Random random,
                                             List<AccountId> ids, AccountId issuance, AccountId bank,
                                             AccountId general) {
        long started = System.nanoTime();
        int posted = 0;
        for (int day = 0; day < DAYS && posted < ENTRIES; day++) {
            int today = (ENTRIES - posted) / (DAYS - day);
            LocalDate date = FIRST_DAY.plusDays(day);
            clock.set(date.atTime(LocalTime.of(9, 0)).atZone(BusinessCalendar.ZONE).toInstant());
            List<CompletableFuture<PostResult>> window = new ArrayList<>(IN_FLIGHT);
            for (int i = 0; i < today; i++) {
                int payer = random.nextInt(ACCOUNTS);
                int payee = (payer + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                AccountId wallet = ids.get(3 + payer);
                Leg leg = switch (random.nextInt(10)) {
                    case 0 -> Leg.transfer(bank, general, Amount.yen(1 + random.nextInt(100_000)));
                    case 1, 2, 3 -> Leg.transfer(issuance, wallet, Amount.pt(1 + random.nextInt(1_000)));
                    default -> Leg.transfer(wallet, ids.get(3 + payee), Amount.pt(1 + random.nextInt(100)));
                };
                window.add(ledger.postAsync(new EntryRequest(new EntryKey("bench-" + (posted + i)),
                        EntryKind.TRANSFER, "bench", "", null, List.of(leg))));
                if (window.size() == IN_FLIGHT) {
                    drain(window);
                }
            }
            drain(window);
            posted += today;
            if (day % 30 == 29) {
                log(String.format("built %,d entries over %d days (%.0f entries/s)", posted, day + 1,
                        posted / seconds(started)));
            }
        }
        return posted;
    }

    /** The journal of single-leg transfers, one business day per transaction, by ledger-core's bulk writer. */
    private static int buildWithSql(TestDatabase database, List<AccountId> ids, AccountId issuance, AccountId bank,
                                    AccountId general) throws java.sql.SQLException {
        long started = System.nanoTime();
        return BulkTransfers.write(database.dataSource(), new LedgerId(1), new BulkTransfers.Plan(FIRST_DAY, DAYS,
                ENTRIES, SEED, issuance, bank, general, ids.subList(3, 3 + ACCOUNTS)), (posted, days) ->
                log(String.format("built %,d entries over %d days (%.0f entries/s)", posted, days,
                        posted / seconds(started))));
    }

    private static void drain(List<CompletableFuture<PostResult>> window) {
        for (CompletableFuture<PostResult> future : window) {
            PostResult result = future.join();
            if (!result.onTheBooks()) {
                throw new IllegalStateException("the benchmark's posting was refused: " + result);
            }
        }
        window.clear();
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String message) {
        System.out.println("[trial-balance-bench] " + message);
    }
}

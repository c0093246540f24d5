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
import org.springframework.jdbc.core.simple.JdbcClient;

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
            specs.add(AccountSpec.of("issuance:pt", Asset.PT, AccountKind.EQUITY));
            specs.add(AccountSpec.of("fund:bank", Asset.JPY, AccountKind.ASSET));
            specs.add(AccountSpec.of("fund:designation:general", Asset.JPY, AccountKind.EQUITY));
            for (int i = 0; i < ACCOUNTS; i++) {
                specs.add(AccountSpec.of("wallet:resident:" + i, Asset.PT, AccountKind.LIABILITY));
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

            BookRows rows = new BookRows(JdbcClient.create(database.dataSource()));
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
                rows.accountTotals(ledger.id(), BusinessCalendar.endOf(date), "", TrialBalances.PAGE_MAX);
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

    /**
     * Writes, one business day per transaction, exactly the rows the batching writer writes for single-leg
     * transfers — legs, entries, account totals, daily aggregates and the head — with set-based statements,
     * which is some fifty times faster than posting a million entries one by one on a small machine. The
     * database's own triggers check every day's legs and entries and the head as they do for the writer; the
     * chain hashes are stand-ins (the trial balance never reads them).
     */
    private static int buildWithSql(TestDatabase database, List<AccountId> ids, AccountId issuance, AccountId bank,
                                    AccountId general) throws java.sql.SQLException {
        long firstWallet = ids.get(3).value();
        for (int i = 0; i < ACCOUNTS; i++) {
            if (ids.get(3 + i).value() != firstWallet + i) {
                throw new IllegalStateException("wallet ids are not contiguous; build with -Dbench.build=writer");
            }
        }
        long started = System.nanoTime();
        int posted = 0;
        try (java.sql.Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement seed = connection.createStatement()) {
                seed.execute("select setseed(" + (SEED % 1000) / 1000.0 + ")");
            }
            for (int day = 0; day < DAYS && posted < ENTRIES; day++) {
                int today = (ENTRIES - posted) / (DAYS - day);
                java.time.Instant nine = FIRST_DAY.plusDays(day).atTime(9, 0).atZone(BusinessCalendar.ZONE).toInstant();
                try (java.sql.PreparedStatement legs = connection.prepareStatement("""
                        create temp table day_legs on commit drop as
                        select ?::bigint + g as sequence, ?::timestamptz + g * interval '1 microsecond' as posted_at,
                               case when t < 0.1 then ?::bigint when t < 0.4 then ?::bigint else w1 end as debit,
                               case when t < 0.1 then ?::bigint when t < 0.4 then w1
                                    else ?::bigint + (w1 - ?::bigint + 1 + floor(random() * (? - 1))::bigint) % ? end
                                   as credit,
                               case when t < 0.1 then 'JPY' else 'PT' end as asset,
                               1 + floor(random() * case when t < 0.1 then 100000 else 1000 end)::bigint as amount
                          from (select g, random() as t, ?::bigint + floor(random() * ?)::bigint as w1
                                  from generate_series(1, ?) g) r""")) {
                    int i = 1;
                    legs.setLong(i++, posted);
                    legs.setObject(i++, java.time.OffsetDateTime.ofInstant(nine, java.time.ZoneOffset.UTC));
                    legs.setLong(i++, bank.value());
                    legs.setLong(i++, issuance.value());
                    legs.setLong(i++, general.value());
                    legs.setLong(i++, firstWallet);
                    legs.setLong(i++, firstWallet);
                    legs.setInt(i++, ACCOUNTS);
                    legs.setInt(i++, ACCOUNTS);
                    legs.setLong(i++, firstWallet);
                    legs.setInt(i++, ACCOUNTS);
                    legs.setInt(i++, today);
                    legs.execute();
                }
                try (java.sql.Statement write = connection.createStatement()) {
                    write.execute("""
                            insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id,
                                             asset, amount, posted_at)
                            select 1, sequence, 0, 'P', debit, credit, asset, amount, posted_at from day_legs""");
                    write.execute("""
                            insert into entry (ledger_id, sequence, key, kind, actor, memo, posted_at, leg_count,
                                               request_digest, hash)
                            select 1, sequence, 'bench-' || sequence, 'TRANSFER', 'bench', '', posted_at, 1,
                                   sha256(int8send(sequence)), sha256(int8send(-sequence)) from day_legs""");
                    write.execute("""
                            update account a set debits_posted = a.debits_posted + s.debits,
                                                 credits_posted = a.credits_posted + s.credits
                              from (select account_id, sum(debits) as debits, sum(credits) as credits from (
                                        select debit as account_id, amount as debits, 0 as credits from day_legs
                                        union all
                                        select credit, 0, amount from day_legs) sides group by account_id) s
                             where a.ledger_id = 1 and a.id = s.account_id""");
                    write.execute("""
                            insert into account_day_closed (ledger_id, account_id, day, debits_posted, credits_posted)
                            select 1, account_id, (min(posted_at) at time zone 'Asia/Tokyo')::date, sum(debits),
                                   sum(credits) from (
                                        select debit as account_id, posted_at, amount as debits, 0 as credits from day_legs
                                        union all
                                        select credit, posted_at, 0, amount from day_legs) sides group by account_id""");
                    write.execute("""
                            update ledger set head_sequence = d.last, head_hash = sha256(int8send(-d.last)),
                                              head_time = d.at
                              from (select max(sequence) as last, max(posted_at) as at from day_legs) d
                             where id = 1""");
                }
                connection.commit();
                posted += today;
                if (day % 30 == 29) {
                    log(String.format("built %,d entries over %d days (%.0f entries/s)", posted, day + 1,
                            posted / seconds(started)));
                }
            }
        }
        return posted;
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

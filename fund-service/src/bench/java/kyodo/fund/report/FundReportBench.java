package kyodo.fund.report;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import kyodo.fund.books.FundBooks;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.PostResult;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.postgres.WriterListener;
import kyodo.ledger.postgres.WriterSettings;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (printed numbers, not a test): builds a ledger of {@code entries} entries (default 1,000,000) over two
 * fiscal years through the ledger's batched writer — a tenth of them fund donations with their fund rows, some
 * awards and tranches, the rest points issued, spent and transferred by 10,000 residents at 200 shops — lets the
 * journal follower sign checkpoints and the report follower fold everything in, then times the fiscal-year
 * fund report (figures at the latest checkpoint, the three SVG charts and the CSV) over several runs.
 *
 * <pre>./mvnw -B -o -pl fund-service -am -Preport-bench -DskipTests verify</pre>
 * (-Dreport.bench.entries=… -Dreport.bench.runs=… to change the size or the number of timed runs).
 */
public final class FundReportBench {
    private static final ZoneId WARD = BusinessCalendar.ZONE;
    private static final Instant START = LocalDate.of(2025, 4, 1).atStartOfDay(WARD).toInstant();
    private static final int CHUNK = 2000;
    private static final int RESIDENTS = 10_000;
    private static final int MERCHANTS = 200;
    private static final int GROUPS = 20;
    private static final int PROGRAMS = 10;
    /** 13 parameters a row: stays below PostgreSQL's 65,535 parameters per statement. */
    private static final int DONATION_ROWS_PER_INSERT = 4000;

    private FundReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = Integer.getInteger("report.bench.entries", 1_000_000);
        int runs = Integer.getInteger("report.bench.runs", 30);
        long seed = Long.getLong("report.bench.seed", 20261125L);
        Random random = new Random(seed);
        TestDatabase database = TestDatabase.create("report_bench");
        DataSource dataSource = database.dataSource();
        MutableClock clock = new MutableClock(START);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long loadStart = System.nanoTime();
        long fundEntries;
        try (PostgresLedger ledger = new PostgresLedger(dataSource, new LedgerId(1), "bench ward", clock,
                new WriterSettings(16_384, 65_536, Duration.ZERO, 5), WriterListener.NONE)) {
            fundEntries = load(ledger, jdbc, clock, entries, random);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("report-bench: loaded %,d entries (%,d fund) in %.1f s (%.0f entries/s)%n",
                    ledger.head().sequence(), fundEntries, loadSeconds, ledger.head().sequence() / loadSeconds);

            long journalStart = System.nanoTime();
            CheckpointSigner signer = new CheckpointSigner("kyodo.bench/report",
                    List.of(NoteSigner.fromSeed("bench", new byte[32])));
            new JournalFollower(dataSource, ledger.id(), new PostgresJournal(dataSource, ledger.id()).feed(), signer,
                    new CheckpointPolicy(100_000, Duration.ofDays(365)), clock).catchUp();
            clock.set(clock.instant().plus(Duration.ofDays(400)));
            new JournalFollower(dataSource, ledger.id(), new PostgresJournal(dataSource, ledger.id()).feed(), signer,
                    new CheckpointPolicy(100_000, Duration.ofDays(365)), clock).step();
            System.out.printf("report-bench: journal follower (tree + checkpoints) %.1f s%n",
                    (System.nanoTime() - journalStart) / 1e9);

            ReportFollower follower = new ReportFollower(dataSource, ledger, clock, List.of());
            long followStart = System.nanoTime();
            follower.catchUp();
            System.out.printf("report-bench: report follower folded %,d entries in %.1f s%n", follower.position(),
                    (System.nanoTime() - followStart) / 1e9);
            try (Connection connection = dataSource.getConnection()) {
                connection.createStatement().execute("vacuum analyze");
            }

            Checkpoints checkpoints = new Checkpoints(dataSource, ledger);
            FundReports fundReports = new FundReports(jdbc, ledger);
            PublicReports reports = new PublicReports(follower, checkpoints, fundReports, clock);
            FiscalYear year = new FiscalYear(2026);
            long[] fundMicros = new long[runs];
            long[] warmMicros = new long[runs];
            FundReport last = null;
            for (int run = -3; run < runs; run++) {
                // Cold: what the first request after a new checkpoint does (the report is not in memory yet).
                long t0 = System.nanoTime();
                ReportCheckpoint checkpoint = checkpoints.newestWithin(
                        follower.catchUpTo(checkpoints.latest().orElseThrow().treeSize()));
                FundReport report = fundReports.compute(year, checkpoint);
                int size = render(report);
                long t1 = System.nanoTime();
                // Warm: every later request at the same checkpoint.
                size += render(reports.fund(year));
                long t3 = System.nanoTime();
                if (run >= 0) {
                    fundMicros[run] = (t1 - t0) / 1000;
                    warmMicros[run] = (t3 - t1) / 1000;
                }
                if (size == 0) {
                    throw new IllegalStateException("nothing rendered");
                }
                last = report;
            }
            if (Boolean.getBoolean("report.bench.explain")) {
                explain(dataSource, last);
            }
            Arrays.sort(fundMicros);
            Arrays.sort(warmMicros);
            System.out.printf("report-bench: entries=%d fund-entries=%d checkpoint=%d FY2026 fund report (figures+3 "
                            + "SVG charts+CSV) cold p50=%.1f ms p99=%.1f ms max=%.1f ms, warm p50=%.2f ms p99=%.2f ms "
                            + "(runs=%d, in-year donations=%d, seed=%d)%n",
                    ledger.head().sequence(), fundEntries, last.checkpoint().treeSize(), fundMicros[runs / 2] / 1000.0,
                    percentile(fundMicros, 0.99) / 1000.0, fundMicros[runs - 1] / 1000.0,
                    warmMicros[runs / 2] / 1000.0, percentile(warmMicros, 0.99) / 1000.0, runs, last.donations(),
                    seed);
        }
        System.exit(0);
    }

    private static final org.springframework.context.MessageSource FUND_TEXTS = fundTexts();

    /** The fund's bundle as the application's message source reads it (UTF-8, never the server's locale). */
    private static org.springframework.context.MessageSource fundTexts() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages-fund");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** The page's charts and the CSV, as a request renders them; returns their size so nothing is skipped. */
    private static int render(FundReport report) {
        Labels labels = new Labels(FUND_TEXTS, java.util.Locale.JAPANESE, report.groups());
        return Charts.flow(report, labels).length() + Charts.monthly(report, labels).length()
                + Charts.balances(report, labels).length() + OpenData.csv(report).length;
    }

    /** Prints the plans and timings of the fund report's statements, to see where its time goes. */
    private static void explain(DataSource dataSource, FundReport report) throws Exception {
        java.sql.Date first = java.sql.Date.valueOf(report.year().firstDay());
        java.sql.Date last = java.sql.Date.valueOf(report.year().lastDay());
        long size = report.checkpoint().treeSize();
        Object[][] statements = {
                {FundReports.MOVEMENTS, new Object[] {1L, first, last, size}},
                {FundReports.DONORS, new Object[] {1L, first, last, size, size}},
                {FundReports.NAMED_DONORS, new Object[] {1L, first, last, size}}};
        try (Connection connection = dataSource.getConnection()) {
            for (Object[] statement : statements) {
                try (var prepared = connection.prepareStatement("explain (analyze, buffers) " + statement[0])) {
                    Object[] params = (Object[]) statement[1];
                    for (int i = 0; i < params.length; i++) {
                        prepared.setObject(i + 1, params[i]);
                    }
                    try (var rs = prepared.executeQuery()) {
                        System.out.println("---");
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
            }
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Posts the ledger; returns how many fund entries it posted. */
    private static long load(PostgresLedger ledger, JdbcClient jdbc, MutableClock clock, int entries, Random random)
            throws Exception {
        FundBooks books = new FundBooks(ledger);
        AccountId bank = books.bank();
        List<Designation> designations = new ArrayList<>(List.of(Designation.GENERAL));
        for (Field field : Field.values()) {
            designations.add(new Designation.ForField(field));
        }
        benchStaff(jdbc);
        long[] groups = groups(jdbc);
        for (long group : groups) {
            designations.add(new Designation.ForGroup(group));
        }
        List<AccountId> designationIds = designations.stream().map(books::designation).toList();
        long[] programs = programs(jdbc);

        AccountId issuance = ledger.open(AccountSpec.unclassified("issuance:pt", Asset.PT,
                AccountKind.EQUITY)).orThrow().id();
        AccountId[] budgets = {
                ledger.open(AccountSpec.unclassified("budget:pt:2025", Asset.PT, AccountKind.EQUITY,
                        AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)).orThrow().id(),
                ledger.open(AccountSpec.unclassified("budget:pt:2026", Asset.PT, AccountKind.EQUITY,
                        AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)).orThrow().id()};
        List<AccountSpec> specs = new ArrayList<>();
        for (int r = 1; r <= RESIDENTS; r++) {
            specs.add(AccountSpec.unclassifiedWallet("wallet:resident:" + r + ":2025-04", Asset.PT));
        }
        for (int m = 1; m <= MERCHANTS; m++) {
            specs.add(AccountSpec.unclassifiedWallet("wallet:merchant:" + m, Asset.PT));
        }
        List<AccountId> wallets = ledger.openAll(specs).stream().map(a -> a.orThrow().id()).toList();
        List<AccountId> residents = wallets.subList(0, RESIDENTS);
        List<AccountId> merchants = wallets.subList(RESIDENTS, RESIDENTS + MERCHANTS);

        long serial = 0;
        long fund = 0;
        long donation = 0;
        int receipt = 0;
        long award = 0;
        List<Object[]> donationRows = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<PostResult>> inFlight = List.of();
        int chunks = (entries + CHUNK - 1) / CHUNK;
        Duration step = Duration.ofMinutes(Math.max(1, 730L * 24 * 60 / chunks));
        for (int chunk = 0; chunk < chunks && ledger.head().sequence() + inFlight.size() < entries; chunk++) {
            Instant now = START.plus(step.multipliedBy(chunk));
            clock.set(now);
            int fiscal = FiscalYear.containing(now).year();
            AccountId budget = budgets[Math.min(1, Math.max(0, fiscal - 2025))];
            List<EntryRequest> requests = new ArrayList<>(CHUNK);
            if (chunk == 0 || chunk == chunks / 2) {
                awaitAll(inFlight);
                inFlight = List.of();
                requests.add(EntryRequest.of("bench-budget-" + chunk, new EntryKind("BUDGET"), "bench",
                        Leg.transfer(issuance, budget, Amount.pt(1_000_000_000L))));
                for (AccountId resident : residents) {
                    requests.add(EntryRequest.of("bench-issue-" + (++serial), EntryKind.ISSUE, "bench",
                            Leg.transfer(budget, resident, Amount.pt(10_000))));
                }
                postAll(ledger, requests);
                requests.clear();
            }
            long remaining = entries - ledger.head().sequence() - inFlight.size();
            for (int i = 0; i < Math.min(CHUNK, remaining); i++) {
                if (random.nextInt(10) == 0) {
                    donation++;
                    fund++;
                    int d = random.nextInt(designationIds.size());
                    long amount = 1_000L * (1 + random.nextInt(30));
                    requests.add(new EntryRequest(new EntryKey("fund-donation-" + donation), EntryKind.DONATION,
                            "staff", "寄附", null, List.of(Leg.transfer(bank, designationIds.get(d),
                            Amount.yen(amount)))));
                    boolean company = random.nextInt(5) == 0;
                    boolean anonymous = random.nextInt(4) == 0;
                    donationRows.add(new Object[] {donation, company ? "COMPANY" : "INDIVIDUAL",
                            (company ? "会社" : "寄附者") + random.nextInt(20_000), amount,
                            designations.get(d).text(), anonymous, !anonymous && random.nextBoolean(), now,
                            fiscal, ++receipt});
                } else if (random.nextInt(10) < 7) {
                    requests.add(EntryRequest.of("bench-" + (++serial), EntryKind.SPEND, "bench",
                            Leg.transfer(residents.get(random.nextInt(RESIDENTS)),
                                    merchants.get(random.nextInt(MERCHANTS)), Amount.pt(1 + random.nextInt(300)))));
                } else {
                    int from = random.nextInt(RESIDENTS);
                    int to = (from + 1 + random.nextInt(RESIDENTS - 1)) % RESIDENTS;
                    requests.add(EntryRequest.of("bench-" + (++serial), EntryKind.TRANSFER, "bench",
                            Leg.transfer(residents.get(from), residents.get(to), Amount.pt(1 + random.nextInt(100)))));
                }
            }
            // The next chunk is built while the writer decides this one: the writer's queue stays full.
            List<java.util.concurrent.CompletableFuture<PostResult>> submitted = new ArrayList<>(requests.size());
            for (EntryRequest request : requests) {
                submitted.add(ledger.postAsync(request));
            }
            awaitAll(inFlight);
            inFlight = submitted;
            if (donationRows.size() >= DONATION_ROWS_PER_INSERT) {
                insertDonations(jdbc, donationRows);
            }
            if (chunk > chunks / 3 && chunk % 10 == 0 && ledger.head().sequence() + 8 < entries) {
                awaitAll(inFlight);
                inFlight = List.of();
                insertDonations(jdbc, donationRows);
                fund += grant(books, jdbc, ++award, groups[random.nextInt(groups.length)],
                        programs[random.nextInt(programs.length)], now);
            }
        }
        awaitAll(inFlight);
        insertDonations(jdbc, donationRows);
        return fund;
    }

    private static void postAll(PostgresLedger ledger, List<EntryRequest> requests) {
        for (PostResult result : ledger.postAll(requests)) {
            check(result);
        }
    }

    private static void awaitAll(List<java.util.concurrent.CompletableFuture<PostResult>> futures) {
        for (java.util.concurrent.CompletableFuture<PostResult> future : futures) {
            check(future.join());
        }
    }

    /** Spending more than a wallet holds is refused, as it would be in the application: that entry is skipped. */
    private static void check(PostResult result) {
        if (!result.onTheBooks() && !result.code().name().equals("INSUFFICIENT_FUNDS")) {
            throw new IllegalStateException("posting failed: " + result);
        }
    }

    /** The two staff members the bench's rows name (the fund's tables refer to users by id). */
    private static void benchStaff(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, role, created_at)
                        values ('bench-staff-a', 'bench staff a', '-', 'STAFF', now()),
                               ('bench-staff-b', 'bench staff b', '-', 'STAFF', now())
                        on conflict (username) do nothing""").update();
    }

    private static long[] groups(JdbcClient jdbc) {
        long[] ids = new long[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            ids[g] = jdbc.sql("""
                            insert into fund_group (name, type, representative, contact, field, description, status,
                                registered_by, registered_at, verified_by, verified_at)
                            values (?, 'NPO', '代表', 'c@example.jp', ?, '', 'VERIFIED',
                                    (select id from app_user where username = 'bench-staff-a'), now(),
                                    (select id from app_user where username = 'bench-staff-b'), now())
                            returning id""")
                    .param("団体" + g).param(Field.values()[g % Field.values().length].code())
                    .query(Long.class).single();
        }
        return ids;
    }

    private static long[] programs(JdbcClient jdbc) {
        long[] ids = new long[PROGRAMS];
        for (int p = 0; p < PROGRAMS; p++) {
            ids[p] = jdbc.sql("""
                            insert into fund_program (title, field, designation, description, budget, starts_on,
                                ends_on, deadline, status, created_by, created_at)
                            values (?, ?, 'general', '', 1000000000, '2025-04-01', '2027-03-31', now(), 'PUBLISHED',
                                (select id from app_user where username = 'bench-staff-a'), now()) returning id""")
                    .param("助成事業" + p).param(Field.values()[p % Field.values().length].code())
                    .query(Long.class).single();
        }
        return ids;
    }

    /** An award on the general fund and its four tranches, through the fund's books; returns the entries posted. */
    private static long grant(FundBooks books, JdbcClient jdbc, long serial, long group, long program, Instant now) {
        long amount = 400_000;
        long application = jdbc.sql("""
                        insert into fund_application (program_id, group_id, title, purpose, plan, strengths,
                            requested_amount, status, created_by, created_at, submitted_at)
                        values (?, ?, '事業', '目的', '計画', '', ?, 'AWARDED',
                                (select id from app_user where username = 'bench-staff-a'), ?, ?)
                        returning id""")
                .param(program).param(group).param(amount).param(Timestamp.from(now)).param(Timestamp.from(now))
                .query(Long.class).single();
        String key = "fund-award-" + application;
        if (!books.commit(key, Designation.GENERAL, amount, "staff", "助成決定").onTheBooks()) {
            return 0;
        }
        long award = jdbc.sql("""
                        insert into fund_award (application_id, program_id, amount, designation, award_key, hold_key,
                            hold_leg, remaining, disbursed, status, decided_by, decided_at)
                        values (?, ?, ?, 'general', ?, null, null, 0, ?, 'CLOSED',
                                (select id from app_user where username = 'bench-staff-a'), ?)
                        returning id""")
                .param(application).param(program).param(amount).param(key).param(amount).param(Timestamp.from(now))
                .query(Long.class).single();
        long posted = 1;
        kyodo.ledger.PendingId hold = FundBooks.commitmentHold(key);
        long remaining = amount;
        for (int tranche = 1; tranche <= 4; tranche++) {
            String disbursement = "fund-disbursement-" + serial + "-" + tranche;
            long pay = amount / 4;
            if (!books.disburse(disbursement, hold, Designation.GENERAL, pay, remaining, "staff", "交付")
                    .onTheBooks()) {
                throw new IllegalStateException("tranche refused");
            }
            jdbc.sql("""
                            insert into fund_disbursement (award_id, amount, status, requested_by, requested_at,
                                decided_by, decided_at, entry_key)
                            values (?, ?, 'APPROVED', (select id from app_user where username = 'bench-staff-a'), ?,
                                    (select id from app_user where username = 'bench-staff-b'), ?, ?)""")
                    .param(award).param(pay).param(Timestamp.from(now)).param(Timestamp.from(now))
                    .param(disbursement).update();
            remaining -= pay;
            hold = FundBooks.remainderHold(disbursement);
            posted++;
        }
        return posted;
    }

    private static void insertDonations(JdbcClient jdbc, List<Object[]> rows) throws Exception {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into fund_donation (id, donor_type, donor_name, donor_address, amount, designation, anonymous,
                    public_name_consent, method, status, pledged_at, recorded_by, confirmed_at, confirmed_by,
                    received_on, entry_key, receipt_fiscal_year, receipt_number) overriding system value values""");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            sql.append(i == 0 ? " " : ", ").append("(?, ?, ?, '東京都', ?, ?, ?, ?, 'BANK_TRANSFER', 'CONFIRMED', ?, "
                    + "(select id from app_user where username = 'bench-staff-a'), ?, "
                    + "(select id from app_user where username = 'bench-staff-a'), ?, ?, ?, ?)");
            Timestamp at = Timestamp.from((Instant) r[7]);
            params.addAll(List.of(r[0], r[1], r[2], r[3], r[4], r[5], r[6], at, at,
                    java.sql.Date.valueOf(BusinessCalendar.dayOf((Instant) r[7])), "fund-donation-" + r[0], r[8],
                    r[9]));
        }
        jdbc.sql(sql.toString()).params(params).update();
        rows.clear();
    }
}

package kyodo.fund.report;

import kyodo.fund.books.Designation;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.AccountTotals;
import kyodo.ledger.Ledger;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Computes the fund report of a fiscal year at a checkpoint from the report tables and the ledger's read side;
 * never from a scan of all legs. Money in and out come from {@code report_fund_movement} (rows with sequence at most
 * the checkpoint's tree size); designation balances from the ledger's movements of the designation accounts over
 * the sequence ranges of the year's months, cut at the tree size.
 */
@Repository
class FundReports implements AutoCloseable {
    static final int NAMED_DONORS_MAX = 1000;
    private static final AccountQuery DESIGNATIONS = AccountQuery.all().ownerKind(AccountOwner.Kind.FUND)
            .purpose(AccountPurpose.DESIGNATION);

    static final String MOVEMENTS = """
            select date_trunc('month', day)::date as month, flow, designation, donor_type, field, program_id, group_id,
                   sum(amount) as amount, count(*) as n
              from report_fund_movement
             where ledger_id = ? and day between ? and ? and sequence <= ?
             group by 1, 2, 3, 4, 5, 6, 7""";

    static final String DONORS = """
            select count(distinct m.donor_key) from report_fund_movement m
             where m.ledger_id = ? and m.day between ? and ? and m.sequence <= ? and m.flow = 'DONATION'
               and not exists (select 1 from report_fund_movement r
                                where r.ledger_id = m.ledger_id and r.donation_id = m.donation_id
                                  and r.flow = 'DONATION_REVERSED' and r.sequence <= ?)""";

    static final String NAMED_DONORS = """
            select distinct dn.donor_name from report_fund_movement m
              join fund_donation dn on dn.id = m.donation_id
             where m.ledger_id = ? and m.day between ? and ? and m.sequence <= ? and m.flow = 'DONATION'
               and dn.public_name_consent and not dn.anonymous and dn.status = 'CONFIRMED'
             order by 1 limit %d""".formatted(NAMED_DONORS_MAX);

    /** A report's statements run side by side; four threads, one per statement, shared by all requests. */
    static final int STATEMENT_THREADS = 4;

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final long ledgerId;
    private final ExecutorService statements = Executors.newFixedThreadPool(STATEMENT_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "kyodo-fund-report");
        thread.setDaemon(true);
        return thread;
    });

    FundReports(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.ledgerId = ledger.id().value();
    }

    /**
     * The report of {@code year} over exactly the entries up to the checkpoint (which the report tables cover).
     * Its four reads run at once, each on its own connection: they need not share a snapshot, because everything
     * they read is fixed by the cut (movements up to the tree size, legs up to the tree size), and run one after
     * another they took most of a cold report's time.
     */
    FundReport compute(FiscalYear year, ReportCheckpoint checkpoint) {
        long treeSize = checkpoint.treeSize();
        LocalDate cutDay = cutDay(ledger, treeSize);
        List<YearMonth> months = year.monthsThrough(cutDay);
        if (months.isEmpty()) {
            return new FundReport(year, checkpoint, months, List.of(), Map.of(), Map.of(), List.of());
        }
        Date first = Date.valueOf(year.firstDay());
        Date last = Date.valueOf(year.lastDay());
        CompletableFuture<List<Figure>> movements = alongside(() -> movements(first, last, treeSize));
        CompletableFuture<List<Figure>> balances = alongside(() -> balances(year, treeSize, months));
        CompletableFuture<Long> donors = alongside(() -> jdbc.sql(DONORS).param(ledgerId).param(first).param(last)
                .param(treeSize).param(treeSize).query(Long.class).single());
        CompletableFuture<List<String>> named = alongside(() -> jdbc.sql(NAMED_DONORS).param(ledgerId).param(first)
                .param(last).param(treeSize).query(String.class).list());
        List<Figure> figures = new ArrayList<>(join(movements));
        figures.addAll(join(balances));
        figures.add(new Figure(Figure.Section.DONORS, null, null, null, null, null, null, 0, join(donors)));
        return new FundReport(year, checkpoint, months, figures, names("fund_program", "title", figures, true),
                names("fund_group", "name", figures, false), join(named));
    }

    private <T> CompletableFuture<T> alongside(Supplier<T> statement) {
        return CompletableFuture.supplyAsync(statement, statements);
    }

    /** The statement's result, or its own exception (a database error stays a database error). */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        statements.shutdown();
    }

    /** The business day of the entry a checkpoint of {@code treeSize} ends with; null before the first entry. */
    static LocalDate cutDay(Ledger ledger, long treeSize) {
        return treeSize == 0 ? null : BusinessCalendar.dayOf(ledger.entry(treeSize).orElseThrow(() ->
                new IllegalStateException("the checkpoint covers entry " + treeSize + ", which is not recorded"))
                .postedAt());
    }

    /** The last entry within the cut that was posted before {@code moment}. */
    static long throughBefore(Ledger ledger, long treeSize, java.time.Instant moment) {
        return Math.min(treeSize, ledger.firstSequenceAtOrAfter(moment) - 1);
    }

    private List<Figure> movements(Date first, Date last, long treeSize) {
        Map<List<Object>, long[]> in = new LinkedHashMap<>();
        List<Figure> out = new ArrayList<>();
        jdbc.sql(MOVEMENTS).param(ledgerId).param(first).param(last).param(treeSize).query(rs -> {
            YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
            String flow = rs.getString("flow");
            long amount = rs.getLong("amount");
            long count = rs.getLong("n");
            if (flow.equals("DISBURSED")) {
                out.add(new Figure(Figure.Section.OUT, month, null, rs.getString("designation"),
                        rs.getString("field"), rs.getObject("program_id", Long.class),
                        rs.getObject("group_id", Long.class), amount, count));
            } else {
                boolean reversed = flow.equals("DONATION_REVERSED");
                long[] sums = in.computeIfAbsent(java.util.Arrays.asList(month, rs.getString("donor_type"),
                        rs.getString("designation")), k -> new long[2]);
                sums[0] = Math.addExact(sums[0], reversed ? -amount : amount);
                sums[1] += reversed ? -count : count;
            }
        });
        List<Figure> figures = new ArrayList<>();
        in.forEach((key, sums) -> figures.add(new Figure(Figure.Section.IN, (YearMonth) key.get(0),
                (String) key.get(1), (String) key.get(2), null, null, null, sums[0], sums[1])));
        figures.addAll(out);
        figures.sort(java.util.Comparator.comparing((Figure f) -> f.section().ordinal())
                .thenComparing(f -> String.valueOf(f.month()))
                .thenComparing(f -> String.valueOf(f.sourceType()))
                .thenComparing(f -> String.valueOf(f.designation()))
                .thenComparing(f -> String.valueOf(f.programId()))
                .thenComparing(f -> String.valueOf(f.groupId())));
        return figures;
    }

    /**
     * Opening balance, balance at each month's end, and what is still committed at the last of them, per designation:
     * the designation accounts' movements before the year and over each month's range of sequences, cut at the tree
     * size.
     */
    private List<Figure> balances(FiscalYear year, long treeSize, List<YearMonth> months) {
        Map<String, Long> opening = new TreeMap<>();
        Map<String, Map<YearMonth, Long>> changes = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        long before = throughBefore(ledger, treeSize, year.start());
        for (AccountTotals moved : ledger.totalsAsOf(DESIGNATIONS, before)) {
            String designation = Designation.textOfAccount(moved.code());
            opening.merge(designation, moved.posted(), Math::addExact);
            pending.merge(designation, moved.totals().debitsPending(), Math::addExact);
        }
        for (YearMonth month : months) {
            long through = throughBefore(ledger, treeSize, BusinessCalendar.startOf(month.plusMonths(1)));
            for (AccountTotals moved : ledger.movements(DESIGNATIONS, before, through)) {
                String designation = Designation.textOfAccount(moved.code());
                changes.computeIfAbsent(designation, k -> new HashMap<>()).merge(month, moved.posted(),
                        Math::addExact);
                pending.merge(designation, moved.totals().debitsPending(), Math::addExact);
            }
            before = through;
        }
        TreeSet<String> designations = new TreeSet<>(opening.keySet());
        designations.addAll(changes.keySet());
        List<Figure> figures = new ArrayList<>();
        for (String designation : designations) {
            long balance = opening.getOrDefault(designation, 0L);
            figures.add(new Figure(Figure.Section.OPENING_BALANCE, null, null, designation, null, null, null,
                    balance, 0));
            Map<YearMonth, Long> byMonth = changes.getOrDefault(designation, Map.of());
            for (YearMonth month : months) {
                balance = Math.addExact(balance, byMonth.getOrDefault(month, 0L));
                figures.add(new Figure(Figure.Section.BALANCE, month, null, designation, null, null, null,
                        balance, 0));
            }
        }
        for (String designation : designations) {
            figures.add(new Figure(Figure.Section.COMMITTED, null, null, designation, null, null, null,
                    pending.getOrDefault(designation, 0L), 0));
        }
        return figures;
    }

    private Map<Long, String> names(String table, String column, List<Figure> figures, boolean program) {
        List<Long> ids = figures.stream().map(f -> program ? f.programId() : f.groupId()).filter(Objects::nonNull)
                .distinct().toList();
        Map<Long, String> names = new TreeMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + column + " from " + table + " where id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }
}

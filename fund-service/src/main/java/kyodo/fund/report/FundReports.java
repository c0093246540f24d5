package kyodo.fund.report;

import kyodo.fund.FiscalYear;
import kyodo.ledger.Ledger;
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
 * Computes the fund report of a fiscal year at a checkpoint from the report tables and the ledger's daily
 * per-account aggregates; never from a scan of all legs. Money in and out come from {@code report_fund_movement}
 * (rows with sequence at most the checkpoint's tree size); designation balances from {@code account_daily} for
 * whole days before the checkpoint's day and from that day's own legs up to the tree size.
 */
@Repository
class FundReports implements AutoCloseable {
    static final int NAMED_DONORS_MAX = 1000;
    private static final int PREFIX_END = ReportFollower.DESIGNATION_PREFIX.length() + 1;

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

    static final String DAILY_BALANCES = """
            select substring(a.code from %1$d) as designation,
                   case when d.day < ? then null else to_char(d.day, 'YYYY-MM') end as month,
                   sum(d.credits_posted - d.debits_posted) as posted, sum(d.debits_pending) as pending
              from account a
              join account_daily d on d.ledger_id = a.ledger_id and d.account_id = a.id
             where a.ledger_id = ? and a.code like 'fund:designation:%%' and d.day < ?
             group by 1, 2""".formatted(PREFIX_END);

    /** The checkpoint day's legs on designation accounts, each side joined by equality (index lookups). */
    private static final String LAST_DAY_BALANCES = """
            select substring(a.code from %1$d) as designation, sum(side.posted) as posted, sum(side.pending) as pending
              from (select l.credit_account_id as account_id,
                           case when l.kind in ('P', 'C') then l.amount else 0 end as posted, 0 as pending
                      from leg l where l.ledger_id = ? and l.sequence between ? and ?
                    union all
                    select l.debit_account_id,
                           case when l.kind in ('P', 'C') then -l.amount else 0 end,
                           case when l.kind = 'H' then l.amount else -coalesce(l.released_amount, 0) end
                      from leg l where l.ledger_id = ? and l.sequence between ? and ?) side
              join account a on a.ledger_id = ? and a.id = side.account_id
             where a.code like 'fund:designation:%%'
             group by 1""".formatted(PREFIX_END);

    static final String NAMED_DONORS = """
            select distinct dn.donor_name from report_fund_movement m
              join fund_donation dn on dn.id = m.donation_id
             where m.ledger_id = ? and m.day between ? and ? and m.sequence <= ? and m.flow = 'DONATION'
               and dn.public_name_consent and not dn.anonymous and dn.status = 'CONFIRMED'
             order by 1 limit %d""".formatted(NAMED_DONORS_MAX);

    /** A report's statements run side by side; four threads, one per statement, shared by all requests. */
    static final int STATEMENT_THREADS = 4;

    private final JdbcClient jdbc;
    private final long ledgerId;
    private final ExecutorService statements = Executors.newFixedThreadPool(STATEMENT_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "kyodo-fund-report");
        thread.setDaemon(true);
        return thread;
    });

    FundReports(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledgerId = ledger.id().value();
    }

    /**
     * The report of {@code year} over exactly the entries up to the checkpoint (which the report tables cover).
     * Its four statements run at once, each on its own connection: they need not share a snapshot, because
     * everything they read is fixed by the cut (movements up to the tree size, daily sums of days before the
     * cut's day, legs up to the tree size), and run one after another they took most of a cold report's time.
     */
    FundReport compute(FiscalYear year, ReportCheckpoint checkpoint) {
        Cut cut = Cut.at(jdbc, ledgerId, checkpoint.treeSize());
        List<YearMonth> months = months(year, cut);
        if (months.isEmpty()) {
            return new FundReport(year, checkpoint, months, List.of(), Map.of(), Map.of(), List.of());
        }
        Date first = Date.valueOf(year.firstDay());
        Date last = Date.valueOf(year.lastDay());
        CompletableFuture<List<Figure>> movements = alongside(() -> movements(first, last, cut.treeSize()));
        CompletableFuture<List<Figure>> balances = alongside(() -> balances(year, cut, months));
        CompletableFuture<Long> donors = alongside(() -> jdbc.sql(DONORS).param(ledgerId).param(first).param(last)
                .param(cut.treeSize()).param(cut.treeSize()).query(Long.class).single());
        CompletableFuture<List<String>> named = alongside(() -> jdbc.sql(NAMED_DONORS).param(ledgerId).param(first)
                .param(last).param(cut.treeSize()).query(String.class).list());
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

    /** April to the checkpoint's month (or March): the months whose figures the checkpoint reaches. */
    static List<YearMonth> months(FiscalYear year, Cut cut) {
        List<YearMonth> months = new ArrayList<>();
        if (cut.empty() || cut.day().isBefore(year.firstDay())) {
            return months;
        }
        YearMonth end = YearMonth.from(cut.day().isAfter(year.lastDay()) ? year.lastDay() : cut.day());
        for (YearMonth m = YearMonth.from(year.firstDay()); !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
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

    /** Opening balance, balance at each month's end, and what is still committed, per designation. */
    private List<Figure> balances(FiscalYear year, Cut cut, List<YearMonth> months) {
        Map<String, Long> opening = new TreeMap<>();
        Map<String, Map<YearMonth, Long>> changes = new TreeMap<>();
        Map<String, Long> pending = new TreeMap<>();
        LocalDate dailyUntil = cut.day().isAfter(year.lastDay()) ? year.lastDay().plusDays(1) : cut.day();
        jdbc.sql(DAILY_BALANCES).param(Date.valueOf(year.firstDay())).param(ledgerId).param(Date.valueOf(dailyUntil))
                .query(rs -> {
                    String designation = rs.getString("designation");
                    String month = rs.getString("month");
                    long posted = rs.getLong("posted");
                    pending.merge(designation, rs.getLong("pending"), Math::addExact);
                    if (month == null) {
                        opening.merge(designation, posted, Math::addExact);
                    } else {
                        changes.computeIfAbsent(designation, k -> new HashMap<>())
                                .merge(YearMonth.parse(month), posted, Math::addExact);
                    }
                });
        if (!cut.day().isAfter(year.lastDay())) {
            YearMonth lastMonth = YearMonth.from(cut.day());
            jdbc.sql(LAST_DAY_BALANCES).param(ledgerId).param(cut.firstOfDay()).param(cut.treeSize())
                    .param(ledgerId).param(cut.firstOfDay()).param(cut.treeSize()).param(ledgerId).query(rs -> {
                String designation = rs.getString("designation");
                pending.merge(designation, rs.getLong("pending"), Math::addExact);
                changes.computeIfAbsent(designation, k -> new HashMap<>())
                        .merge(lastMonth, rs.getLong("posted"), Math::addExact);
            });
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

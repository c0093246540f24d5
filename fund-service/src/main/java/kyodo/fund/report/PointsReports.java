package kyodo.fund.report;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the points report from {@code report_points_daily} (whole days before the checkpoint's day) and the
 * checkpoint day's own legs up to its tree size, classified alike; active residents from {@code account_daily}.
 */
@Repository
class PointsReports {
    private static final String DAILY = """
            select case when day < ? then null else to_char(day, 'YYYY-MM') end as month, kind, debit_class,
                   credit_class, sum(amount) as amount
              from report_points_daily where ledger_id = ? and day < ?
             group by 1, 2, 3, 4""";

    private static final String LAST_DAY = """
            select to_char(day, 'YYYY-MM') as month, kind, debit_class, credit_class, sum(amount) as amount
              from (%s) classified group by 1, 2, 3, 4""".formatted(ReportFollower.classifiedPointsLegs());

    private static final String ACTIVE_RESIDENTS = """
            select to_char(day, 'YYYY-MM') as month, count(distinct resident) as residents from (
                select d.day, split_part(a.code, ':', 3) as resident
                  from account a join account_daily d on d.ledger_id = a.ledger_id and d.account_id = a.id
                 where a.ledger_id = ? and a.code like 'wallet:resident:%' and d.day >= ? and d.day < ?
                union all
                select ?::date, split_part(a.code, ':', 3)
                  from (select l.ledger_id, l.debit_account_id as account_id from leg l
                         where l.ledger_id = ? and l.sequence between ? and ?
                        union all
                        select l.ledger_id, l.credit_account_id from leg l
                         where l.ledger_id = ? and l.sequence between ? and ?) side
                  join account a on a.ledger_id = side.ledger_id and a.id = side.account_id
                 where a.code like 'wallet:resident:%'
            ) moved group by 1""";

    private final JdbcClient jdbc;
    private final long ledgerId;

    PointsReports(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledgerId = ledger.id().value();
    }

    private record Flow(YearMonth month, String kind, String debit, String credit, long amount) {
    }

    PointsReport compute(FiscalYear year, ReportCheckpoint checkpoint) {
        Cut cut = Cut.at(jdbc, ledgerId, checkpoint.treeSize());
        List<YearMonth> months = FundReports.months(year, cut);
        List<Flow> flows = new ArrayList<>();
        if (!cut.empty()) {
            LocalDate dailyUntil = cut.day().isAfter(year.lastDay()) ? year.lastDay().plusDays(1) : cut.day();
            jdbc.sql(DAILY).param(Date.valueOf(year.firstDay())).param(ledgerId).param(Date.valueOf(dailyUntil))
                    .query(rs -> {
                        flows.add(flow(rs));
                    });
            if (!cut.day().isAfter(year.lastDay())) {
                jdbc.sql(LAST_DAY).param(ledgerId).param(cut.firstOfDay() - 1).param(cut.treeSize()).query(rs -> {
                    Flow flow = flow(rs);
                    flows.add(cut.day().isBefore(year.firstDay())
                            ? new Flow(null, flow.kind(), flow.debit(), flow.credit(), flow.amount()) : flow);
                });
            }
        }
        String budgetClass = AccountClasses.BUDGET_PREFIX + year.year();
        long budget = 0;
        long budgetUsed = 0;
        long opening = 0;
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        Map<Long, Long> byMerchant = new TreeMap<>();
        for (Flow f : flows) {
            long amount = f.amount();
            if (f.credit().equals(budgetClass)) {
                budget = Math.addExact(budget, amount);
            }
            if (f.debit().equals(budgetClass)) {
                budgetUsed = Math.addExact(budgetUsed, amount);
            }
            long outstandingChange = (AccountClasses.circulating(f.credit()) ? amount : 0)
                    - (AccountClasses.circulating(f.debit()) ? amount : 0);
            if (f.month() == null) {
                opening = Math.addExact(opening, outstandingChange);
                continue;
            }
            long[] m = byMonth.computeIfAbsent(f.month(), k -> new long[6]);
            if (AccountClasses.origin(f.debit()) && !AccountClasses.origin(f.credit())) {
                m[0] = Math.addExact(m[0], amount);
            } else if (AccountClasses.origin(f.credit()) && !AccountClasses.origin(f.debit())) {
                m[0] = Math.subtractExact(m[0], amount);
            }
            boolean paying = AccountClasses.holder(f.debit()) || f.debit().equals(AccountClasses.VOUCHERS);
            if (paying && AccountClasses.merchant(f.credit())) {
                m[1] = Math.addExact(m[1], amount);
                byMerchant.merge(merchantId(f.credit()), amount, Math::addExact);
            } else if (AccountClasses.merchant(f.debit()) && AccountClasses.holder(f.credit())) {
                m[1] = Math.subtractExact(m[1], amount);
                byMerchant.merge(merchantId(f.debit()), -amount, Math::addExact);
            }
            if (AccountClasses.holder(f.debit()) && AccountClasses.holder(f.credit())) {
                m[2] = Math.addExact(m[2], amount);
            }
            if (AccountClasses.circulating(f.debit()) && (f.credit().equals(AccountClasses.EXPIRED)
                    || f.credit().equals(AccountClasses.FUND) && f.kind().contains("EXPIRE"))) {
                m[3] = Math.addExact(m[3], amount);
            }
            if (AccountClasses.merchant(f.debit()) && f.credit().equals(AccountClasses.SETTLED)) {
                m[4] = Math.addExact(m[4], amount);
            }
            m[5] = Math.addExact(m[5], outstandingChange);
        }
        Map<YearMonth, Long> active = activeResidents(year, cut);
        List<PointsReport.Month> rows = new ArrayList<>();
        long outstanding = opening;
        for (YearMonth month : months) {
            long[] m = byMonth.getOrDefault(month, new long[6]);
            outstanding = Math.addExact(outstanding, m[5]);
            rows.add(new PointsReport.Month(month, m[0], m[1], m[2], m[3], m[4], outstanding,
                    active.getOrDefault(month, 0L)));
        }
        Map<Long, String> names = merchantNames(byMerchant.keySet());
        List<PointsReport.MerchantCirculation> merchants = new ArrayList<>();
        byMerchant.forEach((id, spent) -> merchants.add(
                new PointsReport.MerchantCirculation(id, names.getOrDefault(id, "#" + id), spent)));
        return new PointsReport(year, checkpoint, rows, budget, budgetUsed, opening, merchants);
    }

    private static Flow flow(java.sql.ResultSet rs) throws java.sql.SQLException {
        String month = rs.getString("month");
        return new Flow(month == null ? null : YearMonth.parse(month), rs.getString("kind"),
                rs.getString("debit_class"), rs.getString("credit_class"), rs.getLong("amount"));
    }

    private static long merchantId(String merchantClass) {
        String id = merchantClass.substring(AccountClasses.MERCHANT_PREFIX.length());
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Map<YearMonth, Long> activeResidents(FiscalYear year, Cut cut) {
        Map<YearMonth, Long> active = new HashMap<>();
        if (cut.empty() || cut.day().isBefore(year.firstDay())) {
            return active;
        }
        boolean lastDayInYear = !cut.day().isAfter(year.lastDay());
        LocalDate dailyUntil = lastDayInYear ? cut.day() : year.lastDay().plusDays(1);
        jdbc.sql(ACTIVE_RESIDENTS).param(ledgerId).param(Date.valueOf(year.firstDay())).param(Date.valueOf(dailyUntil))
                .param(Date.valueOf(lastDayInYear ? cut.day() : year.lastDay()))
                .param(ledgerId).param(lastDayInYear ? cut.firstOfDay() : 1).param(lastDayInYear ? cut.treeSize() : 0)
                .param(ledgerId).param(lastDayInYear ? cut.firstOfDay() : 1).param(lastDayInYear ? cut.treeSize() : 0)
                .query(rs -> {
                    active.put(YearMonth.parse(rs.getString("month")), rs.getLong("residents"));
                });
        return active;
    }

    /** Shop names from the wallet's merchant table (the same database); a merchant not found keeps its number. */
    private Map<Long, String> merchantNames(java.util.Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from merchant where id in (:ids)").param("ids", List.copyOf(ids))
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }
}

package kyodo.wallet.report;

import kyodo.fund.report.PublicReports;
import kyodo.fund.report.ReportCheckpoint;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.AccountTotals;
import kyodo.ledger.EntryKind;
import kyodo.ledger.Ledger;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.expiry.ExpiryJob;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.voucher.VoucherDesk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the points report of a fiscal year at the public reports' checkpoint: from {@code report_points_daily}
 * (whole days before the checkpoint's day) and the checkpoint day's own classified legs up to its tree size, summed
 * alike ({@link PointsFold#cells}); active residents from the ledger's movements of residents' wallets per month.
 */
@Repository
class PointsReports {
    private static final String DAILY = """
            select case when day < ? then null else to_char(day, 'YYYY-MM') end as month, kind,
                   debit_purpose, debit_owner_kind, debit_owner_id, debit_fiscal_year,
                   credit_purpose, credit_owner_kind, credit_owner_id, credit_fiscal_year, sum(amount) as amount
              from report_points_daily where ledger_id = ? and day < ?
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10""";
    private static final AccountQuery RESIDENT_WALLETS = AccountQuery.all().ownerKind(AccountOwner.Kind.RESIDENT)
            .purpose(AccountPurpose.WALLET);
    /** Entry kinds by which points leave circulation for the fund on expiry (by the points policy). */
    private static final Set<EntryKind> EXPIRY = Set.of(ExpiryJob.EXPIRE, VoucherDesk.VOUCHER_EXPIRE);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final PublicReports reports;

    PointsReports(JdbcClient jdbc, Ledger ledger, PublicReports reports) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.reports = reports;
    }

    private record Flow(YearMonth month, String kind, PointsClass debit, PointsClass credit, long amount) {
    }

    /** The report of {@code year} (one that has begun) at the newest checkpoint the report tables cover. */
    PointsReport compute(FiscalYear year) {
        return compute(reports.checked(year), reports.checkpoint());
    }

    PointsReport compute(FiscalYear year, ReportCheckpoint checkpoint) {
        long treeSize = checkpoint.treeSize();
        LocalDate cutDay = treeSize == 0 ? null
                : BusinessCalendar.dayOf(ledger.entry(treeSize).orElseThrow().postedAt());
        List<YearMonth> months = year.monthsThrough(cutDay);
        List<Flow> flows = cutDay == null ? List.of() : flows(year, treeSize, cutDay);
        long budget = 0;
        long budgetUsed = 0;
        long opening = 0;
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        Map<MerchantId, Long> byMerchant = new TreeMap<>(Comparator.comparingLong(MerchantId::value));
        for (Flow f : flows) {
            long amount = f.amount();
            if (f.credit().budgetOf(year.year())) {
                budget = Math.addExact(budget, amount);
            }
            if (f.debit().budgetOf(year.year())) {
                budgetUsed = Math.addExact(budgetUsed, amount);
            }
            long outstandingChange = (f.credit().circulating() ? amount : 0) - (f.debit().circulating() ? amount : 0);
            if (f.month() == null) {
                opening = Math.addExact(opening, outstandingChange);
                continue;
            }
            long[] m = byMonth.computeIfAbsent(f.month(), k -> new long[7]);
            if (f.debit().origin() && !f.credit().origin()) {
                m[0] = Math.addExact(m[0], amount);
            } else if (f.credit().origin() && !f.debit().origin()) {
                m[0] = Math.subtractExact(m[0], amount);
            }
            boolean paying = f.debit().holder() || f.debit().vouchers();
            if (paying && f.credit().merchant()) {
                m[1] = Math.addExact(m[1], amount);
                byMerchant.merge(new MerchantId(f.credit().merchantId()), amount, Math::addExact);
            } else if (f.debit().merchant() && f.credit().holder()) {
                m[1] = Math.subtractExact(m[1], amount);
                byMerchant.merge(new MerchantId(f.debit().merchantId()), -amount, Math::addExact);
            }
            if (f.debit().holder() && f.credit().holder()) {
                m[2] = Math.addExact(m[2], amount);
            }
            // The fund's points account takes expired points (by the points policy) and gifts (a group giving its
            // points, a TRANSFER): the entry's kind tells which column the points left circulation by.
            boolean toFund = f.credit().purpose() == AccountPurpose.DONATED_POINTS;
            boolean byExpiry = EXPIRY.contains(new EntryKind(f.kind()));
            boolean toExpired = f.credit().purpose() == AccountPurpose.EXPIRED || toFund && byExpiry;
            if (f.debit().circulating() && toExpired) {
                m[3] = Math.addExact(m[3], amount);
            }
            if (f.debit().circulating() && toFund && !byExpiry) {
                m[4] = Math.addExact(m[4], amount);
            }
            if (f.debit().merchant() && f.credit().purpose() == AccountPurpose.SETTLED) {
                m[5] = Math.addExact(m[5], amount);
            }
            m[6] = Math.addExact(m[6], outstandingChange);
        }
        Map<YearMonth, Long> active = activeResidents(year, treeSize, months);
        List<PointsReport.Month> rows = new ArrayList<>();
        long outstanding = opening;
        for (YearMonth month : months) {
            long[] m = byMonth.getOrDefault(month, new long[7]);
            outstanding = Math.addExact(outstanding, m[6]);
            rows.add(new PointsReport.Month(month, m[0], m[1], m[2], m[3], m[4], m[5], outstanding,
                    active.getOrDefault(month, 0L)));
        }
        Map<MerchantId, String> names = merchantNames(byMerchant.keySet());
        List<PointsReport.MerchantCirculation> merchants = new ArrayList<>();
        byMerchant.forEach((id, spent) -> merchants.add(
                new PointsReport.MerchantCirculation(id, names.getOrDefault(id, "#" + id), spent)));
        return new PointsReport(year, checkpoint, rows, budget, budgetUsed, opening, merchants);
    }

    /**
     * The posted points flows up to the cut: whole days before the cut's day (and within the year) from the daily
     * table, the cut's day from its legs. Flows before the year have no month: they make the opening balance.
     */
    private List<Flow> flows(FiscalYear year, long treeSize, LocalDate cutDay) {
        List<Flow> flows = new ArrayList<>();
        LocalDate dailyUntil = cutDay.isAfter(year.lastDay()) ? year.lastDay().plusDays(1) : cutDay;
        jdbc.sql(DAILY).param(Date.valueOf(year.firstDay())).param(ledger.id().value())
                .param(Date.valueOf(dailyUntil)).query(rs -> {
                    String month = rs.getString("month");
                    flows.add(new Flow(month == null ? null : YearMonth.parse(month), rs.getString("kind"),
                            pointsClass(rs, "debit"), pointsClass(rs, "credit"), rs.getLong("amount")));
                });
        if (!cutDay.isAfter(year.lastDay())) {
            long firstOfDay = ledger.firstSequenceAtOrAfter(BusinessCalendar.startOf(cutDay));
            YearMonth month = cutDay.isBefore(year.firstDay()) ? null : YearMonth.from(cutDay);
            for (long after = firstOfDay - 1; after < treeSize; after += Ledger.CLASSIFIED_ENTRIES_MAX) {
                PointsFold.cells(ledger.classifiedLegs(after, treeSize)).forEach((cell, sums) -> flows.add(
                        new Flow(month, cell.kind(), cell.debit(), cell.credit(), sums[0])));
            }
        }
        return flows;
    }

    private static PointsClass pointsClass(java.sql.ResultSet rs, String side) throws java.sql.SQLException {
        return new PointsClass(AccountPurpose.valueOf(rs.getString(side + "_purpose")),
                AccountOwner.Kind.valueOf(rs.getString(side + "_owner_kind")), rs.getLong(side + "_owner_id"),
                rs.getInt(side + "_fiscal_year"));
    }

    /** Per month, the residents whose wallets moved in it (up to the cut). */
    private Map<YearMonth, Long> activeResidents(FiscalYear year, long treeSize, List<YearMonth> months) {
        Map<YearMonth, Long> active = new HashMap<>();
        long before = throughBefore(treeSize, year.start());
        for (YearMonth month : months) {
            long through = throughBefore(treeSize, BusinessCalendar.startOf(month.plusMonths(1)));
            Set<Long> residents = new HashSet<>();
            for (AccountTotals moved : ledger.movements(RESIDENT_WALLETS, before, through)) {
                residents.add(moved.accountClass().owner().id());
            }
            active.put(month, (long) residents.size());
            before = through;
        }
        return active;
    }

    private long throughBefore(long treeSize, Instant moment) {
        return Math.min(treeSize, ledger.firstSequenceAtOrAfter(moment) - 1);
    }

    /** Shop names from the wallet's merchant table; a merchant not found keeps its number. */
    private Map<MerchantId, String> merchantNames(Set<MerchantId> ids) {
        Map<MerchantId, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from merchant where id in (:ids)")
                    .param("ids", ids.stream().map(MerchantId::value).toList())
                    .query(rs -> {
                        names.put(new MerchantId(rs.getLong(1)), rs.getString(2));
                    });
        }
        return names;
    }
}

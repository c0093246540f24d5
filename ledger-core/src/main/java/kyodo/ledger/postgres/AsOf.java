package kyodo.ledger.postgres;

import kyodo.ledger.Asset;
import kyodo.ledger.LedgerId;
import kyodo.ledger.Totals;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.calendar.BusinessCalendar;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one as-of algorithm of the books: how totals changed over a range of the journal (from its start: the totals
 * as of its end), without scanning the journal. The range {@code (after, through]} of sequences splits into the
 * whole business days inside it, which come from the daily aggregates ({@code account_daily}, {@code asset_daily}),
 * and the legs of the partial days at either end, read through the view {@code leg_effect} (a leg's effect on
 * totals, the SQL twin of {@code LegKind}). Timestamps never go back along the journal, so a business day's entries
 * are one range of sequences, found by a binary search over the primary key.
 */
final class AsOf {
    /** The pieces of a range: whole days {@code [daysFrom, daysUntil)} and up to two ranges of single legs. */
    record Plan(boolean fromStart, LocalDate daysFrom, LocalDate daysUntil, long[][] legRanges) {
        boolean hasDays() {
            return daysUntil != null && (fromStart || daysFrom.isBefore(daysUntil));
        }
    }

    private static final Plan NOTHING = new Plan(false, null, null, new long[0][]);

    /**
     * The binary search in one statement: the first sequence in {@code [1, head + 1]} posted at or after the moment
     * (each step reads one entry by its primary key, about 20 point reads however long the journal).
     */
    private static final String FIRST_AT_OR_AFTER = """
            with recursive search (low, high) as (
                select 1::bigint, head_sequence + 1 from ledger where id = ?
                union all
                select case when e.posted_at < ? then m.middle + 1 else s.low end,
                       case when e.posted_at < ? then s.high else m.middle end
                  from search s
                 cross join lateral (select s.low + (s.high - s.low) / 2 as middle) m
                  join entry e on e.ledger_id = ? and e.sequence = m.middle
                 where s.low < s.high)
            select low from search where low >= high""";

    private AsOf() {
    }

    static long firstAtOrAfter(Connection connection, LedgerId ledger, Instant moment) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIRST_AT_OR_AFTER)) {
            statement.setLong(1, ledger.value());
            Rows.setInstant(statement, 2, moment);
            Rows.setInstant(statement, 3, moment);
            statement.setLong(4, ledger.value());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("ledger " + ledger.value() + " does not exist");
                }
                return rs.getLong(1);
            }
        }
    }

    static long head(Connection connection, LedgerId ledger) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select head_sequence from ledger where id = ?")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static LocalDate dayOf(Connection connection, LedgerId ledger, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select posted_at from entry where ledger_id = ? and sequence = ?")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, sequence);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("entry " + sequence + " of ledger " + ledger.value()
                            + " is not recorded");
                }
                return BusinessCalendar.dayOf(Rows.instant(rs, "posted_at"));
            }
        }
    }

    /** How {@code (after, through]}, cut to the head, splits into whole days and single legs. */
    static Plan plan(Connection connection, LedgerId ledger, long after, long through) throws SQLException {
        long first = Math.max(1, after + 1);
        long last = Math.min(through, head(connection, ledger));
        if (first > last) {
            return NOTHING;
        }
        LocalDate lastDay = dayOf(connection, ledger, last);
        long lastDayFirst = firstAtOrAfter(connection, ledger, BusinessCalendar.startOf(lastDay));
        if (first >= lastDayFirst) {
            return new Plan(false, null, null, new long[][] {{first, last}});
        }
        long[] tail = {lastDayFirst, last};
        if (first == 1) {
            return new Plan(true, null, lastDay, new long[][] {tail});
        }
        LocalDate firstDay = dayOf(connection, ledger, first);
        if (firstAtOrAfter(connection, ledger, BusinessCalendar.startOf(firstDay)) == first) {
            return new Plan(false, firstDay, lastDay, new long[][] {tail});
        }
        long firstDayEnd = firstAtOrAfter(connection, ledger, BusinessCalendar.startOf(firstDay.plusDays(1))) - 1;
        return new Plan(false, firstDay.plusDays(1), lastDay, new long[][] {{first, firstDayEnd}, tail});
    }

    /** Which accounts a sum is over: exactly some ids, or those a query's conditions select (a semi-join). */
    record Selection(Long[] ids, AccountSql where) {
        static final Selection EVERY = new Selection(null, null);

        static Selection ids(Long... ids) {
            return new Selection(ids, null);
        }

        static Selection where(AccountSql where) {
            return new Selection(null, where);
        }

        String condition() {
            if (ids != null) {
                return " and account_id = any (?)";
            }
            return where == null ? ""
                    : " and account_id in (select id from account where ledger_id = ?" + where.condition() + ")";
        }

        int bind(Connection connection, PreparedStatement statement, int index, LedgerId ledger)
                throws SQLException {
            if (ids != null) {
                statement.setArray(index, connection.createArrayOf("bigint", ids));
                return index + 1;
            }
            if (where == null) {
                return index;
            }
            statement.setLong(index, ledger.value());
            return where.bind(connection, statement, index + 1);
        }
    }

    /**
     * Per account that {@code selection} names, how its totals changed over the plan; only accounts that a leg
     * touched, in id order, at most {@code max + 1} (so a caller can tell there are more).
     */
    static Map<Long, Totals> perAccount(Connection connection, LedgerId ledger, Plan plan, Selection selection,
                                        int max) throws SQLException {
        Map<Long, Totals> totals = new LinkedHashMap<>();
        if (plan.legRanges().length == 0 || selection.ids() != null && selection.ids().length == 0) {
            return totals;
        }
        String only = selection.condition();
        List<String> parts = new ArrayList<>();
        if (plan.hasDays()) {
            parts.add("select account_id, debits_posted, credits_posted, debits_pending, credits_pending"
                    + " from account_daily where ledger_id = ?" + days(plan) + only);
        }
        for (int i = 0; i < plan.legRanges().length; i++) {
            parts.add("select account_id, debits_posted, credits_posted, debits_pending, credits_pending"
                    + " from leg_effect where ledger_id = ? and sequence between ? and ?" + only);
        }
        String sql = "select account_id, sum(debits_posted), sum(credits_posted), sum(debits_pending),"
                + " sum(credits_pending) from (" + String.join(" union all ", parts) + ") moved"
                + " group by account_id order by account_id limit ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (plan.hasDays()) {
                i = bindDays(statement, i, ledger, plan);
                i = selection.bind(connection, statement, i, ledger);
            }
            for (long[] range : plan.legRanges()) {
                statement.setLong(i++, ledger.value());
                statement.setLong(i++, range[0]);
                statement.setLong(i++, range[1]);
                i = selection.bind(connection, statement, i, ledger);
            }
            statement.setInt(i, max + 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getLong(1), new Totals(exact(rs, 2).longValueExact(),
                            exact(rs, 3).longValueExact(), exact(rs, 4).longValueExact(),
                            exact(rs, 5).longValueExact()));
                }
            }
        }
        return totals;
    }

    /** Per asset code, the exact sums of all accounts' totals changes over the plan. */
    static Map<String, TrialBalance> perAsset(Connection connection, LedgerId ledger, Plan plan,
                                              Map<String, Asset> assets) throws SQLException {
        Map<String, TrialBalance> sums = new HashMap<>();
        if (plan.legRanges().length == 0) {
            return sums;
        }
        // Sums per asset add up one row per asset and day (asset_daily, kept by a trigger on leg) rather than one
        // per account and day: a few hundred rows a year instead of millions.
        List<String> parts = new ArrayList<>();
        if (plan.hasDays()) {
            parts.add("select asset, debits_posted, credits_posted, debits_pending, credits_pending"
                    + " from asset_daily where ledger_id = ?" + days(plan));
        }
        for (int i = 0; i < plan.legRanges().length; i++) {
            parts.add("select asset, debits_posted, credits_posted, debits_pending, credits_pending"
                    + " from leg_effect where ledger_id = ? and sequence between ? and ?");
        }
        String sql = "select asset, sum(debits_posted), sum(credits_posted), sum(debits_pending),"
                + " sum(credits_pending) from (" + String.join(" union all ", parts) + ") moved group by asset";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (plan.hasDays()) {
                i = bindDays(statement, i, ledger, plan);
            }
            for (long[] range : plan.legRanges()) {
                statement.setLong(i++, ledger.value());
                statement.setLong(i++, range[0]);
                statement.setLong(i++, range[1]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sums.put(rs.getString(1), new TrialBalance(Rows.asset(assets, rs.getString(1)),
                            exact(rs, 2), exact(rs, 3), exact(rs, 4), exact(rs, 5)));
                }
            }
        }
        return sums;
    }

    private static String days(Plan plan) {
        return plan.fromStart() ? " and day < ?" : " and day >= ? and day < ?";
    }

    private static int bindDays(PreparedStatement statement, int first, LedgerId ledger, Plan plan)
            throws SQLException {
        int i = first;
        statement.setLong(i++, ledger.value());
        if (!plan.fromStart()) {
            statement.setObject(i++, plan.daysFrom());
        }
        statement.setObject(i++, plan.daysUntil());
        return i;
    }

    private static BigInteger exact(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }
}

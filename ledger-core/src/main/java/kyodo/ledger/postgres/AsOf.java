package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.Asset;
import kyodo.ledger.TrialBalance;
import kyodo.ledger.LedgerId;
import kyodo.ledger.Totals;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Totals as of a moment, without scanning the journal: whole business days before it come from the daily
 * aggregates, and only the legs of its own day up to the moment are read (a sequence range, since timestamps
 * never go back).
 */
final class AsOf {
    /** One leg's effect on the four totals of its debit and of its credit account, as rows. */
    private static final String LEG_EFFECTS = """
            select debit_account_id as account_id, asset,
                   case when kind in ('P', 'C') then amount else 0 end as debits_posted,
                   0::bigint as credits_posted,
                   case kind when 'H' then amount else -coalesce(released_amount, 0) end as debits_pending,
                   0::bigint as credits_pending
              from leg where ledger_id = ? and sequence between ? and ? %1$s
            union all
            select credit_account_id, asset,
                   0::bigint,
                   case when kind in ('P', 'C') then amount else 0 end,
                   0::bigint,
                   case kind when 'H' then amount else -coalesce(released_amount, 0) end
              from leg where ledger_id = ? and sequence between ? and ? %2$s""";

    private static final String PER_ACCOUNT_DAYS = """
             select d.account_id, a.asset, d.debits_posted, d.credits_posted, d.debits_pending, d.credits_pending
               from account_daily d join account a on a.ledger_id = d.ledger_id and a.id = d.account_id
              where d.ledger_id = ? and d.day < ?""";
    private static final String PER_ASSET_DAYS = """
             select 0::bigint as account_id, d.asset, d.debits_posted, d.credits_posted, d.debits_pending,
                    d.credits_pending
               from asset_daily d
              where d.ledger_id = ? and d.day < ?""";

    private AsOf() {
    }

    /** Per account id (only {@code only} when given), its totals after every entry posted at or before asOf. */
    static Map<Long, Totals> totals(Connection connection, LedgerId ledger, Instant asOf, AccountId only)
            throws SQLException {
        Map<Long, Totals> totals = new HashMap<>();
        sums(connection, ledger, asOf, only, "account_id", rs -> totals.put(rs.getLong(1), new Totals(
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return totals;
    }

    /** Per asset code, the exact sums of all accounts' totals at asOf. */
    static Map<String, TrialBalance> trialBalances(Connection connection, LedgerId ledger, Instant asOf,
                                                   Map<String, Asset> assets) throws SQLException {
        Map<String, TrialBalance> sums = new HashMap<>();
        sums(connection, ledger, asOf, null, "asset", rs -> sums.put(rs.getString(1), new TrialBalance(
                Rows.asset(assets, rs.getString(1)), exact(rs, 2), exact(rs, 3), exact(rs, 4), exact(rs, 5))));
        return sums;
    }

    private static BigInteger exact(ResultSet rs, int column) throws SQLException {
        return rs.getBigDecimal(column).toBigIntegerExact();
    }

    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void sums(Connection connection, LedgerId ledger, Instant asOf, AccountId only, String groupBy,
                             RowSink sink) throws SQLException {
        LocalDate day = LocalDate.ofInstant(asOf, Rows.BUSINESS_ZONE);
        Instant dayStart = day.atStartOfDay(Rows.BUSINESS_ZONE).toInstant();
        long[] range = sequenceRange(connection, ledger, dayStart, asOf);
        String dailyFilter = only == null ? "" : " and d.account_id = ?";
        // Sums per asset add up one row per asset and day (asset_daily, kept by a trigger on leg) rather than one
        // per account and day: a few hundred rows a year instead of millions.
        boolean perAsset = only == null && groupBy.equals("asset");
        String debitFilter = only == null ? "" : " and debit_account_id = ?";
        String creditFilter = only == null ? "" : " and credit_account_id = ?";
        String sql = "select " + groupBy + ", sum(debits_posted), sum(credits_posted), sum(debits_pending), "
                + "sum(credits_pending) from ("
                + (perAsset ? PER_ASSET_DAYS : PER_ACCOUNT_DAYS + dailyFilter)
                + " union all "
                + String.format(LEG_EFFECTS, debitFilter, creditFilter)
                + ") movements group by " + groupBy;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, ledger.value());
            statement.setObject(i++, day);
            if (only != null) {
                statement.setLong(i++, only.value());
            }
            for (int side = 0; side < 2; side++) {
                statement.setLong(i++, ledger.value());
                statement.setLong(i++, range[0]);
                statement.setLong(i++, range[1]);
                if (only != null) {
                    statement.setLong(i++, only.value());
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        }
    }

    /** The sequences posted in {@code [from, to]}, or an empty range (1..0). */
    private static long[] sequenceRange(Connection connection, LedgerId ledger, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                // OFFSET 0 keeps the planner from answering min()/max() by walking the primary key from one end
                // until posted_at falls in range (most of the journal for a late date); the BRIN index on
                // posted_at finds the day's few block ranges instead.
                """
                select min(sequence), max(sequence) from (
                    select sequence from entry where ledger_id = ? and posted_at >= ? and posted_at <= ? offset 0) day""")) {
            statement.setLong(1, ledger.value());
            Rows.setInstant(statement, 2, from);
            Rows.setInstant(statement, 3, to);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? new long[] {1, 0} : new long[] {first, rs.getLong(2)};
            }
        }
    }
}

package kyodo.fund.audit;

import kyodo.ledger.AccountKind;
import kyodo.ledger.LedgerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only queries over the ledger's own tables for what the {@code Ledger} interface does not offer: every
 * account's totals as of a moment (a page of accounts at a time, from the daily aggregates like the ledger's
 * trial balance), and the general journal search. Nothing here writes.
 */
@Repository
class BookRows {
    /** Accounts a code prefix may name in one search; a broader prefix is refused as too vague. */
    static final int PREFIX_ACCOUNTS_MAX = 1000;

    private final JdbcClient jdbc;

    BookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One account's four totals after every entry posted at or before the moment asked for. */
    record AccountTotals(long id, String code, String asset, AccountKind kind, long debitsPosted,
                         long creditsPosted, long debitsPending, long creditsPending) {
        /** The posted balance in the account's normal direction (assets and expenses: debits − credits). */
        long balance() {
            return kind.debitNormal() ? Math.subtractExact(debitsPosted, creditsPosted)
                    : Math.subtractExact(creditsPosted, debitsPosted);
        }

        /** Debits − credits, the sign hledger and Beancount show. */
        long net() {
            return Math.subtractExact(debitsPosted, creditsPosted);
        }
    }

    /**
     * Accounts opened at or before {@code asOf}, in code order after {@code afterCode}, with their totals then:
     * whole business days before the moment's day from {@code account_daily}, that day's legs up to the moment.
     */
    List<AccountTotals> accountTotals(LedgerId ledger, Instant asOf, String afterCode, int limit) {
        LocalDate day = BusinessDay.of(asOf);
        long[] range = sequenceRange(ledger, BusinessDay.start(day), asOf);
        return jdbc.sql("""
                        with page as (
                            select id, code, asset, kind from account
                             where ledger_id = :ledger and code > :after and opened_at <= :asOf
                             order by code limit :limit),
                        movements as (
                            select d.account_id, d.debits_posted as dp, d.credits_posted as cp,
                                   d.debits_pending as dh, d.credits_pending as ch
                              from account_daily d join page p on p.id = d.account_id
                             where d.ledger_id = :ledger and d.day < :day
                            union all
                            select l.debit_account_id,
                                   case when l.kind in ('P', 'C') then l.amount else 0 end, 0,
                                   case l.kind when 'H' then l.amount else -coalesce(l.released_amount, 0) end, 0
                              from leg l join page p on p.id = l.debit_account_id
                             where l.ledger_id = :ledger and l.sequence between :first and :last
                            union all
                            select l.credit_account_id, 0,
                                   case when l.kind in ('P', 'C') then l.amount else 0 end, 0,
                                   case l.kind when 'H' then l.amount else -coalesce(l.released_amount, 0) end
                              from leg l join page p on p.id = l.credit_account_id
                             where l.ledger_id = :ledger and l.sequence between :first and :last)
                        select p.id, p.code, p.asset, p.kind, coalesce(sum(m.dp), 0) as dp, coalesce(sum(m.cp), 0) as cp,
                               coalesce(sum(m.dh), 0) as dh, coalesce(sum(m.ch), 0) as ch
                          from page p left join movements m on m.account_id = p.id
                         group by p.id, p.code, p.asset, p.kind
                         order by p.code""")
                .param("ledger", ledger.value()).param("after", afterCode).param("asOf", Timestamp.from(asOf))
                .param("limit", limit).param("day", day).param("first", range[0]).param("last", range[1])
                .query((rs, n) -> new AccountTotals(rs.getLong("id"), rs.getString("code"), rs.getString("asset"),
                        AccountKind.valueOf(rs.getString("kind")), exact(rs, "dp"), exact(rs, "cp"), exact(rs, "dh"),
                        exact(rs, "ch")))
                .list();
    }

    private static long exact(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value.longValueExact();
    }

    /**
     * The sequences posted in {@code [from, to]}, or the empty range {@code 1..0}; for short spans such as one
     * day, where the BRIN index on {@code posted_at} reads a few block ranges (OFFSET 0 keeps the planner from
     * answering min()/max() by walking the primary key instead).
     */
    long[] sequenceRange(LedgerId ledger, Instant from, Instant to) {
        return jdbc.sql("""
                        select min(sequence) as first, max(sequence) as last from (
                            select sequence from entry where ledger_id = ? and posted_at >= ? and posted_at <= ?
                            offset 0) day""")
                .params(ledger.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    long first = rs.getLong("first");
                    return rs.wasNull() ? new long[] {1, 0} : new long[] {first, rs.getLong("last")};
                }).single();
    }

    /**
     * The first sequence posted at or after {@code moment}, or {@code head + 1} if none: a binary search over the
     * primary key (timestamps never go back along the journal), a few dozen point reads however long the journal.
     */
    long firstSequenceAtOrAfter(LedgerId ledger, long head, Instant moment) {
        long low = 1;
        long high = head + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            Instant posted = jdbc.sql("select posted_at from entry where ledger_id = ? and sequence = ?")
                    .params(ledger.value(), middle).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional()
                    .orElse(Instant.MAX);
            if (posted.isBefore(moment)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Ids of accounts whose code starts with {@code prefix}; at most {@link #PREFIX_ACCOUNTS_MAX} + 1. */
    List<Long> accountsByPrefix(LedgerId ledger, String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select id from account where ledger_id = ? and code like ? escape '\\'
                         order by code limit ?""")
                .params(ledger.value(), pattern, PREFIX_ACCOUNTS_MAX + 1).query(Long.class).list();
    }

    record EntryRow(long sequence, String key, String kind, String actor, String memo, Instant postedAt) {
    }

    record LegRow(long sequence, int index, String kind, long debit, long credit, String asset, long amount) {
    }

    /** The journal search: one page of entries in {@code (after, last]}, filtered, oldest first. */
    List<EntryRow> searchEntries(LedgerId ledger, long after, long last, String kind, String actor,
                                 List<Long> accountIds, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.sequence, e.key, e.kind, e.actor, e.memo, e.posted_at from entry e
                 where e.ledger_id = :ledger and e.sequence > :after and e.sequence <= :last""");
        if (kind != null) {
            sql.append(" and e.kind = :kind");
        }
        if (actor != null) {
            sql.append(" and e.actor = :actor");
        }
        if (accountIds != null) {
            sql.append(" ").append("""
                     and e.sequence in (
                        select l.sequence from leg l where l.ledger_id = :ledger and l.sequence > :after
                           and l.sequence <= :last and l.debit_account_id in (:accounts)
                        union
                        select l.sequence from leg l where l.ledger_id = :ledger and l.sequence > :after
                           and l.sequence <= :last and l.credit_account_id in (:accounts))""");
        }
        sql.append(" order by e.sequence limit :limit");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("ledger", ledger.value())
                .param("after", after).param("last", last).param("limit", limit);
        if (kind != null) {
            statement = statement.param("kind", kind);
        }
        if (actor != null) {
            statement = statement.param("actor", actor);
        }
        if (accountIds != null) {
            statement = statement.param("accounts", accountIds);
        }
        return statement.query((rs, n) -> new EntryRow(rs.getLong("sequence"), rs.getString("key"),
                rs.getString("kind"), rs.getString("actor"), rs.getString("memo"), instant(rs, "posted_at"))).list();
    }

    List<LegRow> legsOf(LedgerId ledger, Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select sequence, leg_index, kind, debit_account_id, credit_account_id, asset, amount from leg
                         where ledger_id = :ledger and sequence in (:sequences) order by sequence, leg_index""")
                .param("ledger", ledger.value()).param("sequences", sequences)
                .query((rs, n) -> new LegRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), rs.getLong(7))).list();
    }

    Map<Long, String> codes(LedgerId ledger, Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        jdbc.sql("select id, code from account where ledger_id = :ledger and id in (:ids)")
                .param("ledger", ledger.value()).param("ids", new ArrayList<>(ids))
                .query(rs -> {
                    codes.put(rs.getLong(1), rs.getString(2));
                });
        return codes;
    }

    /**
     * What the fund's records say about the entries of {@code keys}: for donations, the receipt number
     * ({@code 2026-000123}) of the donation whose entry or reversing entry it is. Used as bank references.
     */
    Map<String, String> receiptNumbersByEntryKey(Collection<String> keys) {
        Map<String, String> numbers = new HashMap<>();
        if (keys.isEmpty()) {
            return numbers;
        }
        jdbc.sql("""
                        select entry_key, reversal_key, receipt_fiscal_year, receipt_number from fund_donation
                         where receipt_number is not null and (entry_key in (:keys) or reversal_key in (:keys))""")
                .param("keys", new ArrayList<>(keys))
                .query(rs -> {
                    String number = String.format("%d-%06d", rs.getInt(3), rs.getInt(4));
                    numbers.put(rs.getString(1), number);
                    if (rs.getString(2) != null) {
                        numbers.put(rs.getString(2), number);
                    }
                });
        return numbers;
    }

    Optional<Long> head(LedgerId ledger) {
        return jdbc.sql("select head_sequence from ledger where id = ?").param(ledger.value()).query(Long.class)
                .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

package kyodo.ledger.testing;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the invariants of a ledger's tables straight in SQL, independent of the ledger's Java code: zero sum
 * per asset, no flagged account over its rule, totals (kept by the writer in Java) equal to the sums of legs by the
 * database's own rule ({@code leg_effect}), one daily aggregate per account and business day, equal to that day's
 * legs, a gapless sequence, and an unbroken chain of hashes. Returns what is wrong; an empty list means sound books.
 */
public final class BooksAudit {
    private BooksAudit() {
    }

    public static List<String> problems(DataSource dataSource, Ledger ledger) {
        List<String> problems = new ArrayList<>();
        LedgerId id = ledger.id();
        try (Connection connection = dataSource.getConnection()) {
            count(connection, problems, id, "assets whose accounts do not sum to zero", """
                    select count(*) from (select asset from account where ledger_id = ? group by asset
                    having sum(debits_posted) <> sum(credits_posted) or sum(debits_pending) <> sum(credits_pending)) x""");
            count(connection, problems, id, "flagged accounts over their rule", """
                    select count(*) from account where ledger_id = ?
                       and ((flags & 1 <> 0 and debits_posted + debits_pending > credits_posted)
                         or (flags & 2 <> 0 and credits_posted + credits_pending > debits_posted))""");
            count(connection, problems, id, "accounts whose totals differ from the sums of their legs", """
                    with sums as (select account_id, sum(debits_posted) dp, sum(credits_posted) cp,
                                         sum(debits_pending) dq, sum(credits_pending) cq
                                    from leg_effect where ledger_id = $1 group by account_id)
                    select count(*) from account a left join sums s on s.account_id = a.id
                     where a.ledger_id = $1
                       and (a.debits_posted <> coalesce(s.dp, 0) or a.credits_posted <> coalesce(s.cp, 0)
                         or a.debits_pending <> coalesce(s.dq, 0) or a.credits_pending <> coalesce(s.cq, 0))"""
                    .replace("$1", "?"), 2);
            count(connection, problems, id, "gaps in the sequence (count differs from the head)", """
                    select abs(count(*) - max(l.head_sequence)) + abs(coalesce(max(e.sequence), 0) - max(l.head_sequence))
                      from ledger l left join entry e on e.ledger_id = l.id where l.id = ?""");
            count(connection, problems, id, "daily aggregates that differ from the account totals", """
                    select count(*) from account a
                      left join (select account_id, sum(debits_posted) dp, sum(credits_posted) cp,
                                        sum(debits_pending) dq, sum(credits_pending) cq
                                   from account_daily where ledger_id = $1 group by account_id) d on d.account_id = a.id
                     where a.ledger_id = $1
                       and (a.debits_posted <> coalesce(d.dp, 0) or a.credits_posted <> coalesce(d.cp, 0)
                         or a.debits_pending <> coalesce(d.dq, 0) or a.credits_pending <> coalesce(d.cq, 0))"""
                    .replace("$1", "?"), 2);
            count(connection, problems, id, "account days whose aggregates differ from that day's legs", """
                    with legs as (select account_id, kyodo_business_day(posted_at) as day, sum(debits_posted) dp,
                                         sum(credits_posted) cp, sum(debits_pending) dq, sum(credits_pending) cq
                                    from leg_effect where ledger_id = $1 group by 1, 2),
                    days as (select account_id, day, sum(debits_posted) dp, sum(credits_posted) cp,
                                    sum(debits_pending) dq, sum(credits_pending) cq, count(*) as rows
                               from account_daily where ledger_id = $1 and day is not null
                              group by account_id, day)
                    select count(*) from legs l full join days d on d.account_id = l.account_id and d.day = l.day
                     where d.rows is distinct from 1 or l.dp is distinct from d.dp or l.cp is distinct from d.cp
                        or l.dq is distinct from d.dq or l.cq is distinct from d.cq"""
                    .replace("$1", "?"), 2);
        } catch (SQLException e) {
            problems.add("audit query failed: " + e.getMessage());
        }
        String chain = chainProblem(ledger);
        if (chain != null) {
            problems.add(chain);
        }
        return problems;
    }

    /**
     * How many entries do not have exactly the legs they declare: what a writer killed between writing an entry's
     * legs and its row would leave, if the database let it commit.
     */
    public static long partialEntries(DataSource dataSource, Ledger ledger) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select count(*) from (
                         select e.sequence from entry e
                           left join leg l on l.ledger_id = e.ledger_id and l.sequence = e.sequence
                          where e.ledger_id = ?
                          group by e.sequence, e.leg_count having count(l.leg_index) <> e.leg_count) partial""")) {
            statement.setLong(1, ledger.id().value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit could not count partial entries: " + e.getMessage(), e);
        }
    }

    /** Recomputes the chain hash over the whole journal and compares it with each entry and the head. */
    public static String chainProblem(Ledger ledger) {
        byte[] hash = CanonicalEncoding.genesisHash();
        long last = ledger.head().sequence();
        for (long from = 1; from <= last; ) {
            List<JournalEntry> page = ledger.entries(from, last);
            if (page.isEmpty()) {
                return "journal ends at " + (from - 1) + " but the head is at " + last;
            }
            for (JournalEntry entry : page) {
                if (entry.sequence() != from) {
                    return "sequence " + from + " is missing";
                }
                hash = CanonicalEncoding.chain(hash, CanonicalEncoding.encode(entry));
                if (!Arrays.equals(hash, entry.hash())) {
                    return "chain hash of entry " + entry.sequence() + " does not match its content";
                }
                from++;
            }
        }
        return Arrays.equals(hash, ledger.head().hash()) ? null : "head hash differs from the journal's chain";
    }

    private static void count(Connection connection, List<String> problems, LedgerId id, String what, String sql)
            throws SQLException {
        count(connection, problems, id, what, sql, 1);
    }

    private static void count(Connection connection, List<String> problems, LedgerId id, String what, String sql,
                              int parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 1; i <= parameters; i++) {
                statement.setLong(i, id.value());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long found = rs.getLong(1);
                if (found != 0) {
                    problems.add(found + " " + what);
                }
            }
        }
    }
}

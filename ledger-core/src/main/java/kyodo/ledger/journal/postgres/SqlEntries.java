package kyodo.ledger.journal.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.LegKind;
import kyodo.ledger.Totals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the books' own tables ({@code entry}, {@code leg}, {@code account}, {@code ledger}) as the journal
 * sees them. Plain SQL against V1's schema, so the journal works beside any writer of those tables.
 */
final class SqlEntries {
    static final int PAGE_ENTRIES_MAX = 4096;

    private SqlEntries() {
    }

    /** The head sequence and chain hash in the ledger row. */
    record HeadRow(long sequence, byte[] hash) {
    }

    static HeadRow head(Connection connection, LedgerId ledger) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select head_sequence, head_hash from ledger where id = ?")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return new HeadRow(0, new byte[32]);
                }
                return new HeadRow(rows.getLong(1), rows.getBytes(2));
            }
        }
    }

    static Map<String, Integer> scales(Connection connection, LedgerId ledger) throws SQLException {
        Map<String, Integer> scales = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select code, scale from asset where ledger_id = ?")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    scales.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return scales;
    }

    static List<Account> accounts(Connection connection, LedgerId ledger) throws SQLException {
        Map<String, Integer> scales = scales(connection, ledger);
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select id, code, asset, kind, flags, balance_limit, debits_posted, credits_posted,
                       debits_pending, credits_pending, opened_at
                  from account where ledger_id = ? order by id""")) {
            statement.setLong(1, ledger.value());
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long limit = rows.getLong(6);
                    Long balanceLimit = rows.wasNull() ? null : limit;
                    accounts.add(new Account(new AccountId(rows.getLong(1)), rows.getString(2),
                            new Asset(rows.getString(3), scales.getOrDefault(rows.getString(3), 0)),
                            AccountKind.valueOf(rows.getString(4)), AccountFlag.fromBits(rows.getInt(5)), balanceLimit,
                            new Totals(rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10)),
                            instant(rows, 11), AccountClass.UNCLASSIFIED));
                }
            }
        }
        return accounts;
    }

    /** Entries {@code from..to} that exist, in order, at most {@link #PAGE_ENTRIES_MAX}. */
    static List<JournalEntry> entries(Connection connection, LedgerId ledger, Map<String, Integer> scales, long from,
                                      long to) throws SQLException {
        long last = Math.min(to, from + PAGE_ENTRIES_MAX - 1);
        Map<Long, List<JournalLeg>> legs = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select sequence, leg_index, kind, debit_account_id, credit_account_id, asset, amount,
                       released_amount, pending_sequence, pending_leg_index, expires_at
                  from leg where ledger_id = ? and sequence between ? and ? order by sequence, leg_index""")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, from);
            statement.setLong(3, last);
            statement.setFetchSize(PAGE_ENTRIES_MAX);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String asset = rows.getString(6);
                    long released = rows.getLong(8);
                    long pendingSequence = rows.getLong(9);
                    int pendingLeg = rows.getInt(10);
                    if (rows.wasNull()) {
                        pendingLeg = -1;
                    }
                    legs.computeIfAbsent(rows.getLong(1), s -> new ArrayList<>()).add(new JournalLeg(
                            rows.getInt(2), LegKind.ofLetter(rows.getString(3).charAt(0)),
                            new AccountId(rows.getLong(4)), new AccountId(rows.getLong(5)),
                            new Asset(asset, scales.getOrDefault(asset, 0)), rows.getLong(7), released,
                            pendingSequence, pendingLeg, instant(rows, 11)));
                }
            }
        }
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select sequence, key, kind, actor, memo, metadata, posted_at, hash
                  from entry where ledger_id = ? and sequence between ? and ? order by sequence""")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, from);
            statement.setLong(3, last);
            statement.setFetchSize(PAGE_ENTRIES_MAX);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long sequence = rows.getLong(1);
                    entries.add(new JournalEntry(ledger, sequence, new EntryKey(rows.getString(2)),
                            new EntryKind(rows.getString(3)), rows.getString(4), rows.getString(5), rows.getString(6),
                            instant(rows, 7), legs.getOrDefault(sequence, List.of()), rows.getBytes(8)));
                }
            }
        }
        return entries;
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

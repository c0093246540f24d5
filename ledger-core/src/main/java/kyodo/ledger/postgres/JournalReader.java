package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LedgerId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads journal entries with their legs back into values. */
final class JournalReader {
    private JournalReader() {
    }

    /** Entries {@code from..to} inclusive, in sequence order. */
    static List<JournalEntry> entries(Connection connection, LedgerId ledger, Map<String, Asset> assets,
                                      long from, long to) throws SQLException {
        return read(connection, ledger, assets, "sequence between ? and ?", statement -> {
            statement.setLong(2, from);
            statement.setLong(3, to);
        });
    }

    /** The entries with exactly these sequence numbers, in sequence order. */
    static List<JournalEntry> entries(Connection connection, LedgerId ledger, Map<String, Asset> assets,
                                      List<Long> sequences) throws SQLException {
        return read(connection, ledger, assets, "sequence = any (?)", statement ->
                statement.setArray(2, connection.createArrayOf("bigint", sequences.toArray())));
    }

    private interface Selection {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<JournalEntry> read(Connection connection, LedgerId ledger, Map<String, Asset> assets,
                                           String condition, Selection selection) throws SQLException {
        Map<Long, List<JournalLeg>> legs = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select " + Rows.LEG_COLUMNS
                + " from leg where ledger_id = ? and " + condition + " order by sequence, leg_index")) {
            statement.setLong(1, ledger.value());
            selection.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    legs.computeIfAbsent(rs.getLong("sequence"), s -> new ArrayList<>()).add(Rows.leg(rs, assets));
                }
            }
        }
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select sequence, key, kind, actor, memo, metadata, posted_at, hash from entry where ledger_id = ? and "
                        + condition + " order by sequence")) {
            statement.setLong(1, ledger.value());
            selection.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong("sequence");
                    entries.add(new JournalEntry(ledger, sequence, new EntryKey(rs.getString("key")),
                            new EntryKind(rs.getString("kind")), rs.getString("actor"), rs.getString("memo"),
                            rs.getString("metadata"), Rows.instant(rs, "posted_at"),
                            legs.getOrDefault(sequence, List.of()), rs.getBytes("hash")));
                }
            }
        }
        return entries;
    }

    /**
     * Up to {@code count} entries touching the account, posted in {@code [from, to)} and after sequence
     * {@code after}, oldest first.
     */
    static List<JournalEntry> entriesTouching(Connection connection, LedgerId ledger, Map<String, Asset> assets,
                                              AccountId account, Instant from, Instant to, long after, int count)
            throws SQLException {
        List<Long> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select sequence from (
                    (select distinct sequence from leg
                      where ledger_id = ? and debit_account_id = ? and sequence > ? and posted_at >= ? and posted_at < ?
                      order by sequence limit ?)
                    union
                    (select distinct sequence from leg
                      where ledger_id = ? and credit_account_id = ? and sequence > ? and posted_at >= ? and posted_at < ?
                      order by sequence limit ?)
                ) touching order by sequence limit ?""")) {
            for (int side = 0; side < 2; side++) {
                int base = side * 6;
                statement.setLong(base + 1, ledger.value());
                statement.setLong(base + 2, account.value());
                statement.setLong(base + 3, after);
                Rows.setInstant(statement, base + 4, from);
                Rows.setInstant(statement, base + 5, to);
                statement.setInt(base + 6, count);
            }
            statement.setInt(13, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
            }
        }
        if (sequences.isEmpty()) {
            return List.of();
        }
        // Exactly these entries: an account's history may be sparse across a long journal.
        return entries(connection, ledger, assets, sequences);
    }

    /**
     * Up to {@code count} sequences of entries with a leg on any of {@code accounts}, posted in {@code [from, to)}
     * and below sequence {@code before}, newest first.
     */
    static List<Long> sequencesTouching(Connection connection, LedgerId ledger,
            java.util.Collection<AccountId> accounts,
                                        Instant from, Instant to, long before, int count) throws SQLException {
        Long[] ids = accounts.stream().map(AccountId::value).toArray(Long[]::new);
        List<Long> sequences = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select sequence from (
                    (select sequence from leg
                      where ledger_id = ? and debit_account_id = any (?) and sequence < ? and posted_at >= ?
                        and posted_at < ?
                      order by sequence desc limit ?)
                    union
                    (select sequence from leg
                      where ledger_id = ? and credit_account_id = any (?) and sequence < ? and posted_at >= ?
                        and posted_at < ?
                      order by sequence desc limit ?)
                ) touching order by sequence desc limit ?""")) {
            for (int side = 0; side < 2; side++) {
                int base = side * 6;
                statement.setLong(base + 1, ledger.value());
                statement.setArray(base + 2, connection.createArrayOf("bigint", ids));
                statement.setLong(base + 3, before);
                Rows.setInstant(statement, base + 4, from);
                Rows.setInstant(statement, base + 5, to);
                // A leg limit of count per side could cut an entry with many legs short of count entries.
                statement.setInt(base + 6, count * kyodo.ledger.Ledger.LEGS_MAX);
            }
            statement.setInt(13, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sequences.add(rs.getLong(1));
                }
            }
        }
        return sequences;
    }
}

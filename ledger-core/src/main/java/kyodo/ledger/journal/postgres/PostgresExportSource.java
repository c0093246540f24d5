package kyodo.ledger.journal.postgres;

import kyodo.ledger.Account;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.export.ExportSource;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.Tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An export view taken in one REPEATABLE READ, read-only transaction, so the head, the accounts' totals and
 * the entries all belong to the same moment. Leaf hashes come from the stored tree where it has them: the
 * export then shows what the tree holds, and a verifier notices when the entry tables and the tree disagree.
 */
public final class PostgresExportSource implements ExportSource, AutoCloseable {
    private final Connection connection;
    private final LedgerId ledger;
    private final SqlEntries.HeadRow head;
    private final List<Account> accounts;
    private final Map<String, Integer> scales;
    private final long treeSize;
    private long tileIndex = -1;
    private byte[] tile;

    PostgresExportSource(Connection connection, LedgerId ledger) throws SQLException {
        this.connection = connection;
        this.ledger = ledger;
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            head = SqlEntries.head(connection, ledger);
            accounts = SqlEntries.accounts(connection, ledger);
            scales = SqlEntries.scales(connection, ledger);
            try (PreparedStatement statement = connection.prepareStatement(
                    "select size from journal_tree where ledger_id = ?")) {
                statement.setLong(1, ledger.value());
                try (ResultSet rows = statement.executeQuery()) {
                    treeSize = rows.next() ? rows.getLong(1) : 0;
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public LedgerId ledger() {
        return ledger;
    }

    @Override
    public long size() {
        return head.sequence();
    }

    @Override
    public byte[] headHash() {
        return head.hash().clone();
    }

    @Override
    public List<Account> accounts() {
        return accounts;
    }

    @Override
    public List<JournalEntry> entries(long from, long to) {
        try {
            return SqlEntries.entries(connection, ledger, scales, from, Math.min(to, head.sequence()));
        } catch (SQLException e) {
            throw new PostgresTiles.UncheckedSqlException("cannot read entries " + from + ".." + to, e);
        }
    }

    @Override
    public byte[] storedLeafHash(long sequence) {
        if (sequence > treeSize) {
            return null;
        }
        long index = (sequence - 1) / Tiles.WIDTH;
        if (index != tileIndex) {
            int width = Tiles.width(0, index, treeSize);
            tile = new PostgresTiles(connection, ledger).tile(0, index, width);
            tileIndex = index;
        }
        int offset = (int) ((sequence - 1) % Tiles.WIDTH) * MerkleHash.HASH_BYTES;
        return Arrays.copyOfRange(tile, offset, offset + MerkleHash.HASH_BYTES);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}

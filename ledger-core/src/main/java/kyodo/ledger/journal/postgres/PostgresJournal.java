package kyodo.ledger.journal.postgres;

import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleTree;
import kyodo.ledger.journal.merkle.TilePath;
import kyodo.ledger.journal.merkle.TiledNodes;
import kyodo.ledger.journal.note.SignedNote;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of one ledger's stored journal: checkpoints, and inclusion and consistency proofs computed
 * from the stored tiles in O(log n) tile reads. Proofs for an older checkpoint come from the same tiles,
 * because a tile only ever grows and its first hashes never change.
 */
public final class PostgresJournal {
    /** Checkpoints listed per call. */
    public static final int CHECKPOINTS_LIST_MAX = 1000;

    private final DataSource dataSource;
    private final LedgerId ledger;

    public PostgresJournal(DataSource dataSource, LedgerId ledger) {
        this.dataSource = dataSource;
        this.ledger = ledger;
    }

    /** Committed entries read straight from the {@code entry} and {@code leg} tables. */
    public EntryFeed feed() {
        return new EntryFeed() {
            @Override
            public long head() {
                try (Connection connection = dataSource.getConnection()) {
                    return SqlEntries.head(connection, ledger).sequence();
                } catch (SQLException e) {
                    throw new PostgresTiles.UncheckedSqlException("cannot read the head of ledger " + ledger.value(), e);
                }
            }

            @Override
            public List<JournalEntry> entries(long from, long to) {
                try (Connection connection = dataSource.getConnection()) {
                    Map<String, Integer> scales = SqlEntries.scales(connection, ledger);
                    return SqlEntries.entries(connection, ledger, scales, from, to);
                } catch (SQLException e) {
                    throw new PostgresTiles.UncheckedSqlException("cannot read entries of ledger " + ledger.value(), e);
                }
            }
        };
    }

    /** How many entries the stored tree holds. */
    public long treeSize() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select size from journal_tree where ledger_id = ?")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** The root of the stored tree at any size it has reached. */
    public byte[] root(long treeSize) throws SQLException {
        checkReached(treeSize);
        try (Connection connection = dataSource.getConnection()) {
            return MerkleTree.root(new TiledNodes(new PostgresTiles(connection, ledger), treeSize), treeSize);
        }
    }

    /** The newest checkpoints first, at most {@link #CHECKPOINTS_LIST_MAX}. */
    public List<StoredCheckpoint> checkpoints() throws SQLException {
        return queryCheckpoints("order by tree_size desc limit " + CHECKPOINTS_LIST_MAX, -1);
    }

    public Optional<StoredCheckpoint> latestCheckpoint() throws SQLException {
        return queryCheckpoints("order by tree_size desc limit 1", -1).stream().findFirst();
    }

    public Optional<StoredCheckpoint> checkpoint(long treeSize) throws SQLException {
        return queryCheckpoints("and tree_size = ?", treeSize).stream().findFirst();
    }

    /** That entry {@code sequence} is in the tree of the stored checkpoint of {@code checkpointSize}. */
    public InclusionProof inclusionProof(long sequence, long checkpointSize) throws SQLException {
        if (sequence < 1 || sequence > checkpointSize) {
            throw new IllegalArgumentException("sequence must be in 1.." + checkpointSize + ", was " + sequence);
        }
        // One connection for the checkpoint lookup and the tile reads: a proof is a handful of point queries.
        try (Connection connection = dataSource.getConnection()) {
            requireCheckpoint(connection, checkpointSize);
            PostgresTiles tiles = new PostgresTiles(connection, ledger);
            TiledNodes nodes = new TiledNodes(tiles, checkpointSize);
            byte[] leaf = nodes.node(0, sequence - 1);
            return new InclusionProof(sequence - 1, checkpointSize, leaf,
                    MerkleTree.inclusionProof(nodes, sequence - 1, checkpointSize));
        }
    }

    /** That the stored checkpoint of {@code newSize} extends the one of {@code oldSize}. */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) throws SQLException {
        if (oldSize > newSize) {
            throw new IllegalArgumentException("old size " + oldSize + " is after new size " + newSize);
        }
        try (Connection connection = dataSource.getConnection()) {
            requireCheckpoint(connection, oldSize);
            requireCheckpoint(connection, newSize);
            TiledNodes nodes = new TiledNodes(new PostgresTiles(connection, ledger), newSize);
            return new ConsistencyProof(oldSize, newSize, MerkleTree.consistencyProof(nodes, oldSize, newSize));
        }
    }

    /**
     * The bytes of a tile as C2SP tlog-tiles serves it ({@code width} hashes side by side), if the stored tree
     * holds that many; a partial tile stays available after it has grown, because its first hashes never change.
     */
    public Optional<byte[]> tile(TilePath path) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select substring(hashes from 1 for ?) from journal_tile
                      where ledger_id = ? and level = ? and tile_index = ? and length(hashes) >= ?""")) {
            int bytes = path.width() * MerkleHash.HASH_BYTES;
            statement.setInt(1, bytes);
            statement.setLong(2, ledger.value());
            statement.setInt(3, path.level());
            statement.setLong(4, path.index());
            statement.setInt(5, bytes);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** A consistent snapshot of the books for export; close it when done. */
    public PostgresExportSource exportSource() throws SQLException {
        return new PostgresExportSource(dataSource.getConnection(), ledger);
    }

    static void insertCheckpoint(Connection connection, LedgerId ledger, long size, byte[] root, SignedNote note,
                                 Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into journal_checkpoint (ledger_id, tree_size, root, note, created_at) values (?, ?, ?, ?, ?)
                on conflict (ledger_id, tree_size) do nothing""")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, size);
            statement.setBytes(3, root);
            statement.setString(4, note.format());
            statement.setTimestamp(5, Timestamp.from(now));
            statement.executeUpdate();
        }
    }

    private void requireCheckpoint(Connection connection, long treeSize) throws SQLException {
        if (queryCheckpoints(connection, "and tree_size = ?", treeSize).isEmpty()) {
            throw new IllegalArgumentException("ledger " + ledger.value() + " has no checkpoint of tree size " + treeSize);
        }
    }

    private void checkReached(long treeSize) throws SQLException {
        long size = treeSize();
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size must be in 0.." + size + ", was " + treeSize);
        }
    }

    private List<StoredCheckpoint> queryCheckpoints(String tail, long size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return queryCheckpoints(connection, tail, size);
        }
    }

    private List<StoredCheckpoint> queryCheckpoints(Connection connection, String tail, long size) throws SQLException {
        List<StoredCheckpoint> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                     "select tree_size, root, note, created_at from journal_checkpoint where ledger_id = ? " + tail)) {
            statement.setLong(1, ledger.value());
            if (size >= 0) {
                statement.setLong(2, size);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new StoredCheckpoint(rows.getLong(1), rows.getBytes(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
        }
        return found;
    }
}

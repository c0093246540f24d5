package kyodo.ledger.journal.postgres;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.checkpoint.Cosignatures;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.EntryBundle;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleTree;
import kyodo.ledger.journal.merkle.TilePath;
import kyodo.ledger.journal.merkle.TiledNodes;
import kyodo.ledger.journal.merkle.Tiles;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteFormatException;
import kyodo.ledger.journal.note.SignedNote;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** How many checkpoints are stored. */
    public long checkpointCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from journal_checkpoint where ledger_id = ?")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * One page of the checkpoint history, newest first: up to {@code limit} (at most
     * {@link #CHECKPOINTS_LIST_MAX}) checkpoints with tree size below {@code before}. The next page starts below
     * the last size returned, so pages stay stable while new checkpoints arrive.
     */
    public List<StoredCheckpoint> checkpointsBefore(long before, int limit) throws SQLException {
        if (limit < 1 || limit > CHECKPOINTS_LIST_MAX) {
            throw new IllegalArgumentException("limit must be in 1.." + CHECKPOINTS_LIST_MAX + ", was " + limit);
        }
        return queryCheckpoints("and tree_size < ? order by tree_size desc limit " + limit, before);
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

    /**
     * Keeps verified witness cosignatures of the stored checkpoint of {@code treeSize} (see
     * {@link Cosignatures#check}); a witness key's first cosignature of a checkpoint stays, later ones are
     * dropped. Returns how many were new.
     */
    public int storeCosignatures(long treeSize, List<Cosignatures.Verified> verified, Instant now)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into journal_cosignature (ledger_id, tree_size, witness_name, key_id, public_key,
                                                      signed_at, signature, received_at)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (ledger_id, tree_size, witness_name, key_id) do nothing""")) {
            int stored = 0;
            for (Cosignatures.Verified one : verified) {
                statement.setLong(1, ledger.value());
                statement.setLong(2, treeSize);
                statement.setString(3, one.key().name());
                statement.setInt(4, one.key().id());
                statement.setBytes(5, one.key().publicKey());
                statement.setLong(6, one.cosignature().timestamp());
                statement.setBytes(7, one.cosignature().signature());
                statement.setTimestamp(8, Timestamp.from(now));
                stored += statement.executeUpdate();
            }
            return stored;
        }
    }

    /** The stored cosignatures of the checkpoint of {@code treeSize}, by witness name. */
    public List<StoredCosignature> cosignatures(long treeSize) throws SQLException {
        List<StoredCosignature> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select witness_name, key_id, public_key, signed_at, signature, received_at
                       from journal_cosignature where ledger_id = ? and tree_size = ?
                      order by witness_name, key_id""")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, treeSize);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    CosignerKey key = CosignerKey.of(rows.getString(1), rows.getBytes(3));
                    found.add(new StoredCosignature(treeSize, new Cosignature(key.name(), rows.getInt(2),
                            rows.getLong(4), rows.getBytes(5)), key, rows.getTimestamp(6).toInstant()));
                }
            }
        }
        return found;
    }

    /**
     * How many independent witnesses cosigned each checkpoint with tree size in {@code from..to}: distinct
     * witness public keys, so one key under two names counts once. Sizes without cosignatures are absent.
     */
    public Map<Long, Integer> witnessCounts(long from, long to) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select tree_size, count(distinct public_key) from journal_cosignature
                      where ledger_id = ? and tree_size between ? and ? group by tree_size""")) {
            statement.setLong(1, ledger.value());
            statement.setLong(2, from);
            statement.setLong(3, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** How many independent witnesses cosigned the checkpoint of {@code treeSize} (see {@link #witnessCounts}). */
    public int witnessCount(long treeSize) throws SQLException {
        return witnessCounts(treeSize, treeSize).getOrDefault(treeSize, 0);
    }

    /**
     * The checkpoint's signed note with every stored cosignature appended as a signature line: what C2SP
     * tlog-tiles serves at {@code <prefix>/checkpoint}. Verifiers that do not know a witness ignore its line.
     */
    public String cosignedNote(StoredCheckpoint checkpoint) throws SQLException {
        List<StoredCosignature> cosignatures = cosignatures(checkpoint.treeSize());
        if (cosignatures.isEmpty()) {
            return checkpoint.note();
        }
        try {
            SignedNote note = SignedNote.parse(checkpoint.note());
            for (StoredCosignature cosignature : cosignatures) {
                if (note.signatures().size() == SignedNote.SIGNATURES_MAX) {
                    break;
                }
                note = note.with(cosignature.cosignature().noteSignature());
            }
            return note.format();
        } catch (NoteFormatException e) {
            throw new IllegalStateException("the stored checkpoint of tree size " + checkpoint.treeSize()
                    + " is not a signed note: " + e.getMessage(), e);
        }
    }

    /**
     * The entry bundle {@code index} of width {@code width} (see {@link EntryBundle}) if the stored tree holds
     * those leaves: entries {@code 256·index+1 .. 256·index+width}, public ones as canonical bytes, the others
     * withheld as their leaf hashes.
     */
    public Optional<byte[]> entryBundle(long index, int width, Predicate<JournalEntry> isPublic) throws SQLException {
        if (index < 0 || width < 1 || width > Tiles.WIDTH || index > (Long.MAX_VALUE - Tiles.WIDTH) / Tiles.WIDTH) {
            throw new IllegalArgumentException("no entry bundle " + index + " of width " + width);
        }
        long first = index * Tiles.WIDTH + 1;
        long last = index * Tiles.WIDTH + width;
        if (last > treeSize()) {
            return Optional.empty();
        }
        List<JournalEntry> entries = feed().entries(first, last);
        if (entries.size() != width) {
            throw new IllegalStateException("ledger " + ledger.value() + " holds " + entries.size()
                    + " of entries " + first + ".." + last + " although the tree holds them");
        }
        MerkleHash hash = new MerkleHash();
        List<byte[]> items = new ArrayList<>(width);
        for (JournalEntry entry : entries) {
            byte[] canonical = CanonicalEncoding.encode(entry);
            items.add(isPublic.test(entry) ? canonical : EntryBundle.withheld(hash.leaf(canonical)));
        }
        return Optional.of(EntryBundle.encode(items));
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

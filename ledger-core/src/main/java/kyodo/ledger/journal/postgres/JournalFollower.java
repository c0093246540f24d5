package kyodo.ledger.journal.postgres;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleTree;
import kyodo.ledger.journal.merkle.TileAppender;
import kyodo.ledger.journal.merkle.TiledNodes;
import kyodo.ledger.journal.note.SignedNote;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends committed entries to the stored Merkle tree after the fact, so posting never waits for hashing.
 * Each call locks the ledger's {@code journal_tree} row, reads the entries after the tree's size, checks that
 * they continue the hash chain, writes the grown tiles and the new root, and signs a checkpoint when the policy
 * says one is due — all in one transaction. Running it again, or in two processes at once, appends each entry
 * exactly once: the second caller waits for the lock and then finds nothing new.
 */
public final class JournalFollower {
    /** Entries appended per transaction: bounds the transaction's size and the time the row stays locked. */
    public static final int BATCH_ENTRIES_MAX = 4096;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final LedgerId ledger;
    private final EntryFeed feed;
    private final CheckpointSigner signer;
    private final CheckpointPolicy policy;
    private final Clock clock;

    /**
     * @param feed   committed entries, e.g. {@link EntryFeed#of} a ledger, or {@link PostgresJournal#feed()}
     * @param signer signs checkpoints; {@code null} for a follower that only maintains the tree
     */
    public JournalFollower(DataSource dataSource, LedgerId ledger, EntryFeed feed, CheckpointSigner signer,
                           CheckpointPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.feed = feed;
        this.signer = signer;
        this.policy = policy;
        this.clock = clock;
    }

    /** What one call did. */
    public record Progress(long appended, long size, SignedNote checkpoint) {
    }

    /** Appends up to {@link #BATCH_ENTRIES_MAX} new entries, then checkpoints if due. */
    public Progress step() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Progress progress = step(connection);
                connection.commit();
                return progress;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Steps until the tree holds every committed entry; returns the tree's size. */
    public long catchUp() throws SQLException {
        while (true) {
            Progress progress = step();
            if (progress.appended() == 0) {
                return progress.size();
            }
        }
    }

    private Progress step(Connection connection) throws SQLException {
        MerkleHash hash = new MerkleHash();
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into journal_tree (ledger_id, size, root, last_hash, updated_at) values (?, 0, ?, ?, ?)
                on conflict (ledger_id) do nothing""")) {
            statement.setLong(1, ledger.value());
            statement.setBytes(2, hash.empty());
            statement.setBytes(3, CanonicalEncoding.genesisHash());
            statement.setTimestamp(4, Timestamp.from(clock.instant()));
            statement.executeUpdate();
        }
        long size;
        byte[] lastHash;
        byte[] root;
        try (PreparedStatement statement = connection.prepareStatement(
                "select size, last_hash, root from journal_tree where ledger_id = ? for update")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                size = rows.getLong(1);
                lastHash = rows.getBytes(2);
                root = rows.getBytes(3);
            }
        }
        long head = feed.head();
        List<byte[]> leaves = new ArrayList<>();
        long next = size + 1;
        long last = Math.min(head, size + BATCH_ENTRIES_MAX);
        while (next <= last) {
            List<JournalEntry> page = feed.entries(next, last);
            if (page.isEmpty()) {
                throw new IllegalStateException("entry " + next + " of ledger " + ledger.value()
                        + " is missing although the head is at " + head);
            }
            for (JournalEntry entry : page) {
                if (entry.sequence() != next) {
                    throw new IllegalStateException("expected entry " + next + " of ledger " + ledger.value()
                            + " but read entry " + entry.sequence() + ": the journal has a gap");
                }
                byte[] canonical = CanonicalEncoding.encode(entry);
                byte[] chained = CanonicalEncoding.chain(lastHash, canonical);
                if (!MessageDigest.isEqual(chained, entry.hash())) {
                    throw new IllegalStateException("entry " + next + " of ledger " + ledger.value()
                            + " breaks the hash chain (computed " + HEX.formatHex(chained) + ", stored "
                            + HEX.formatHex(entry.hash()) + "): the journal was changed after it was written");
                }
                leaves.add(hash.leaf(canonical));
                lastHash = chained;
                next++;
            }
        }
        long newSize = size + leaves.size();
        PostgresTiles tiles = new PostgresTiles(connection, ledger);
        if (!leaves.isEmpty()) {
            tiles.write(TileAppender.append(tiles, size, leaves));
            root = MerkleTree.root(new TiledNodes(tiles, newSize), newSize);
            try (PreparedStatement statement = connection.prepareStatement(
                    "update journal_tree set size = ?, root = ?, last_hash = ?, updated_at = ? where ledger_id = ?")) {
                statement.setLong(1, newSize);
                statement.setBytes(2, root);
                statement.setBytes(3, lastHash);
                statement.setTimestamp(4, Timestamp.from(clock.instant()));
                statement.setLong(5, ledger.value());
                statement.executeUpdate();
            }
        }
        SignedNote checkpoint = checkpointIfDue(connection, newSize, root);
        return new Progress(leaves.size(), newSize, checkpoint);
    }

    private SignedNote checkpointIfDue(Connection connection, long size, byte[] root) throws SQLException {
        if (signer == null) {
            return null;
        }
        long lastSize = -1;
        Instant lastTime = null;
        try (PreparedStatement statement = connection.prepareStatement("""
                select tree_size, created_at from journal_checkpoint where ledger_id = ?
                 order by tree_size desc limit 1""")) {
            statement.setLong(1, ledger.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    lastSize = rows.getLong(1);
                    lastTime = rows.getTimestamp(2).toInstant();
                }
            }
        }
        Instant now = clock.instant();
        if (size == 0 || !policy.due(Math.max(lastSize, 0), lastTime, size, now)) {
            return null;
        }
        SignedNote note = signer.sign(size, root);
        PostgresJournal.insertCheckpoint(connection, ledger, size, root, note, now);
        return note;
    }
}

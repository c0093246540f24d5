package kyodo.ledger.journal.memory;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.note.SignedNote;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Follows a ledger (usually {@code InMemoryLedger}) into a {@link MemoryTree}, checking the hash chain as it
 * goes, and signs checkpoints by the same policy as the PostgreSQL follower. Thread-safe by one lock.
 */
public final class MemoryJournal {
    private final EntryFeed feed;
    private final CheckpointSigner signer;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final MemoryTree tree = new MemoryTree();
    private final MerkleHash hash = new MerkleHash();
    private final NavigableMap<Long, SignedNote> checkpoints = new TreeMap<>();
    private byte[] lastHash = CanonicalEncoding.genesisHash();
    private Instant lastCheckpointTime;

    public MemoryJournal(EntryFeed feed, CheckpointSigner signer, CheckpointPolicy policy, Clock clock) {
        this.feed = feed;
        this.signer = signer;
        this.policy = policy;
        this.clock = clock;
    }

    /** Appends every committed entry not yet in the tree and checkpoints if due; returns the tree's size. */
    public synchronized long catchUp() {
        long head = feed.head();
        while (tree.size() < head) {
            List<JournalEntry> page = feed.entries(tree.size() + 1, head);
            if (page.isEmpty()) {
                throw new IllegalStateException("entry " + (tree.size() + 1) + " is missing below head " + head);
            }
            for (JournalEntry entry : page) {
                if (entry.sequence() != tree.size() + 1) {
                    throw new IllegalStateException("expected entry " + (tree.size() + 1) + ", read " + entry.sequence());
                }
                byte[] canonical = CanonicalEncoding.encode(entry);
                byte[] chained = CanonicalEncoding.chain(lastHash, canonical);
                if (!MessageDigest.isEqual(chained, entry.hash())) {
                    throw new IllegalStateException("entry " + entry.sequence() + " breaks the hash chain");
                }
                tree.append(hash.leaf(canonical));
                lastHash = chained;
            }
        }
        checkpointIfDue();
        return tree.size();
    }

    private void checkpointIfDue() {
        if (signer == null || tree.size() == 0) {
            return;
        }
        long lastSize = checkpoints.isEmpty() ? 0 : checkpoints.lastKey();
        Instant now = clock.instant();
        if (policy.due(lastSize, lastCheckpointTime, tree.size(), now)) {
            checkpoints.put(tree.size(), signer.sign(tree.size(), tree.root()));
            lastCheckpointTime = now;
        }
    }

    public synchronized long size() {
        return tree.size();
    }

    public synchronized byte[] root(long treeSize) {
        return tree.root(treeSize);
    }

    public synchronized List<SignedNote> checkpoints() {
        return List.copyOf(checkpoints.values());
    }

    public synchronized Optional<SignedNote> checkpoint(long treeSize) {
        return Optional.ofNullable(checkpoints.get(treeSize));
    }

    public synchronized InclusionProof inclusionProof(long sequence, long checkpointSize) {
        requireCheckpoint(checkpointSize);
        if (sequence < 1 || sequence > checkpointSize) {
            throw new IllegalArgumentException("sequence must be in 1.." + checkpointSize + ", was " + sequence);
        }
        byte[] leaf = tree.nodes(checkpointSize).node(0, sequence - 1);
        return new InclusionProof(sequence - 1, checkpointSize, leaf, tree.inclusionProof(sequence - 1, checkpointSize));
    }

    public synchronized ConsistencyProof consistencyProof(long oldSize, long newSize) {
        requireCheckpoint(oldSize);
        requireCheckpoint(newSize);
        return new ConsistencyProof(oldSize, newSize, tree.consistencyProof(oldSize, newSize));
    }

    private void requireCheckpoint(long treeSize) {
        if (!checkpoints.containsKey(treeSize)) {
            throw new IllegalArgumentException("no checkpoint of tree size " + treeSize);
        }
    }
}

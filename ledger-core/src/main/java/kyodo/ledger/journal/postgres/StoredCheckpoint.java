package kyodo.ledger.journal.postgres;

import java.time.Instant;

/** A checkpoint as stored: its tree size and root, the signed note as published, and when it was made. */
public record StoredCheckpoint(long treeSize, byte[] root, String note, Instant createdAt) {
    public StoredCheckpoint {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }
}

package kyodo.ledger;

import java.time.Instant;

/** The newest point of the journal: its last sequence number, chain hash, and timestamp (null when empty). */
public record Head(long sequence, byte[] hash, Instant time) {
    public Head {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}

package kyodo.ledger.journal.postgres;

import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;

import java.time.Instant;

/** A witness's cosignature of a stored checkpoint, with the witness key that verified it and when it arrived. */
public record StoredCosignature(long treeSize, Cosignature cosignature, CosignerKey key, Instant receivedAt) {
}

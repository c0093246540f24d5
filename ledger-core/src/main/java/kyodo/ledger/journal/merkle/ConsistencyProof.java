package kyodo.ledger.journal.merkle;

import java.util.List;

/** That the tree of {@code newSize} leaves extends the tree of {@code oldSize} leaves (RFC 9162 §2.1.4). */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> hashes) {
    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    public boolean verify(byte[] oldRoot, byte[] newRoot) {
        return MerkleProofs.verifyConsistency(oldSize, newSize, hashes, oldRoot, newRoot);
    }
}

package kyodo.ledger.journal.merkle;

import java.util.List;

/**
 * That leaf {@code index} (journal sequence {@code index + 1}) with {@code leafHash} is in the tree of
 * {@code treeSize} leaves: the audit path, from the leaf up (RFC 9162 §2.1.3).
 */
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> hashes) {
    public InclusionProof {
        leafHash = leafHash.clone();
        hashes = List.copyOf(hashes);
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }

    public long sequence() {
        return index + 1;
    }

    public boolean verify(byte[] root) {
        return MerkleProofs.verifyInclusion(index, treeSize, leafHash, hashes, root);
    }
}

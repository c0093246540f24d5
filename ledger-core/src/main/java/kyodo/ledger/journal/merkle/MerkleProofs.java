package kyodo.ledger.journal.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe them,
 * step for step, so that the code can be read against the RFC. Needs only the proof, the sizes and the roots:
 * this is what a third party runs.
 */
public final class MerkleProofs {
    /** A proof never has more hashes than the tree has levels. */
    public static final int PROOF_HASHES_MAX = 64;

    private MerkleProofs() {
    }

    /** The root that {@code proof} yields for {@code leafHash} at {@code index} in a tree of {@code size}, or null. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || proof.size() > PROOF_HASHES_MAX || !wellFormed(proof)) {
            return null;
        }
        MerkleHash hash = new MerkleHash();
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether {@code proof} shows that the leaf with {@code leafHash} is leaf {@code index} of the tree with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** Whether {@code proof} shows that the tree ({@code newSize}, {@code newRoot}) extends ({@code oldSize}, {@code oldRoot}). */
    public static boolean verifyConsistency(long oldSize, long newSize, List<byte[]> proof, byte[] oldRoot,
                                            byte[] newRoot) {
        if (oldSize < 0 || oldSize > newSize || proof.size() > PROOF_HASHES_MAX || !wellFormed(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            // Every tree extends the empty tree; there is nothing to prove.
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        MerkleHash hash = new MerkleHash();
        int next = 0;
        byte[] first;
        if (Long.bitCount(oldSize) == 1) {
            first = oldRoot;
        } else {
            first = proof.get(0);
            next = 1;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (int i = next; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hash.node(c, fr);
                sr = hash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot) && sn == 0;
    }

    private static boolean wellFormed(List<byte[]> proof) {
        for (byte[] p : proof) {
            if (p == null || p.length != MerkleHash.HASH_BYTES) {
                return false;
            }
        }
        return true;
    }
}

package kyodo.ledger.journal.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Roots and proofs of an RFC 9162 tree (§2.1.1 MTH, §2.1.3.1 PATH, §2.1.4.1 SUBPROOF), computed from complete
 * subtree hashes that a {@link NodeReader} supplies. Every subtree the definitions need is either complete (one
 * read) or splits into at most log₂ n complete ones along the right edge, so nothing rehashes the log.
 */
public final class MerkleTree {
    /** 2^62 leaves: far beyond any journal, and safe from overflow in the index arithmetic below. */
    public static final long SIZE_MAX = 1L << 62;

    private MerkleTree() {
    }

    /** MTH(D[0:size]); the empty tree's root is {@code SHA-256()}. */
    public static byte[] root(NodeReader nodes, long size) {
        checkSize(size);
        MerkleHash hash = new MerkleHash();
        return size == 0 ? hash.empty() : rangeHash(nodes, hash, 0, size);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves, from the leaf up. */
    public static List<byte[]> inclusionProof(NodeReader nodes, long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index must be in 0.." + (size - 1) + ", was " + index);
        }
        MerkleHash hash = new MerkleHash();
        List<byte[]> topDown = new ArrayList<>();
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (index < lo + k) {
                topDown.add(rangeHash(nodes, hash, lo + k, hi));
                hi = lo + k;
            } else {
                topDown.add(rangeHash(nodes, hash, lo, lo + k));
                lo = lo + k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /** The proof that the tree of {@code newSize} leaves extends the tree of {@code oldSize} leaves. */
    public static List<byte[]> consistencyProof(NodeReader nodes, long oldSize, long newSize) {
        checkSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("old size must be in 0.." + newSize + ", was " + oldSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return List.of();
        }
        MerkleHash hash = new MerkleHash();
        List<byte[]> topDown = new ArrayList<>();
        long m = oldSize;
        long lo = 0;
        long hi = newSize;
        boolean whole = true;
        while (m != hi - lo) {
            long k = largestPowerOfTwoBelow(hi - lo);
            if (m <= k) {
                topDown.add(rangeHash(nodes, hash, lo + k, hi));
                hi = lo + k;
            } else {
                topDown.add(rangeHash(nodes, hash, lo, lo + k));
                m -= k;
                lo = lo + k;
                whole = false;
            }
        }
        if (!whole) {
            topDown.add(rangeHash(nodes, hash, lo, hi));
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /** MTH(D[lo:hi]) for {@code hi > lo}, from complete subtrees. */
    static byte[] rangeHash(NodeReader nodes, MerkleHash hash, long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, lo >>> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return hash.node(rangeHash(nodes, hash, lo, lo + k), rangeHash(nodes, hash, lo + k, hi));
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2), the split point of RFC 9162. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void checkSize(long size) {
        if (size < 0 || size > SIZE_MAX) {
            throw new IllegalArgumentException("tree size must be in 0.." + SIZE_MAX + ", was " + size);
        }
    }
}

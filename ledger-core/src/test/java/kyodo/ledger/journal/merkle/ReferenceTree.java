package kyodo.ledger.journal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 written out literally over a list of leaf hashes: MTH, PATH and SUBPROOF as recursive
 * functions. Slow and obviously right; the tests hold the tiled implementation against it.
 */
final class ReferenceTree {
    private final List<byte[]> leaves;
    private final MerkleHash hash = new MerkleHash();
    // MTH(D[from:to]) depends only on those leaves, so results stay valid while the list grows.
    private final java.util.Map<Long, byte[]> memo = new java.util.HashMap<>();

    ReferenceTree(List<byte[]> leaves) {
        this.leaves = leaves;
    }

    byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return hash.empty();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        Long key = ((long) from << 32) | to;
        byte[] known = memo.get(key);
        if (known != null) {
            return known;
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] computed = hash.node(mth(from, from + k), mth(from + k, to));
        memo.put(key, computed);
        return computed;
    }

    List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            out.addAll(path(m, from, from + k));
            out.add(mth(from + k, to));
        } else {
            out.addAll(path(m - k, from + k, to));
            out.add(mth(from, from + k));
        }
        return out;
    }

    List<byte[]> proof(int m, int n) {
        return m == n ? List.of() : subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean whole) {
        int n = to - from;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!whole) {
                out.add(mth(from, to));
            }
            return out;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            out.addAll(subproof(m, from, from + k, whole));
            out.add(mth(from + k, to));
        } else {
            out.addAll(subproof(m - k, from + k, to, false));
            out.add(mth(from, from + k));
        }
        return out;
    }
}

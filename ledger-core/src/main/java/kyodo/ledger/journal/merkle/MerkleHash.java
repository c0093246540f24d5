package kyodo.ledger.journal.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of an RFC 9162 tree: {@code SHA-256(0x00 || leaf)} and {@code SHA-256(0x01 || left ||
 * right)}. The distinct prefixes keep a leaf from ever being passed off as an interior node. An instance reuses
 * one digest, so it is cheap in loops but not thread-safe.
 */
public final class MerkleHash {
    public static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha;

    public MerkleHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public byte[] leaf(byte[] leaf) {
        sha.update(LEAF_PREFIX);
        sha.update(leaf);
        return sha.digest();
    }

    public byte[] node(byte[] left, byte[] right) {
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The node over two hashes held side by side in {@code hashes} at {@code offset} (64 bytes). */
    public byte[] node(byte[] hashes, int offset) {
        sha.update(NODE_PREFIX);
        sha.update(hashes, offset, 2 * HASH_BYTES);
        return sha.digest();
    }

    /** The hash of the empty tree, {@code SHA-256()} (RFC 9162 §2.1.1). */
    public byte[] empty() {
        return sha.digest();
    }

    /**
     * The root of the complete subtree whose {@code count} (a power of two) bottom hashes lie side by side in
     * {@code hashes} from hash number {@code first}.
     */
    public byte[] subtree(byte[] hashes, int first, int count) {
        if (count == 1) {
            byte[] one = new byte[HASH_BYTES];
            System.arraycopy(hashes, first * HASH_BYTES, one, 0, HASH_BYTES);
            return one;
        }
        byte[] level = new byte[count / 2 * HASH_BYTES];
        for (int i = 0; i < count / 2; i++) {
            System.arraycopy(node(hashes, (first + 2 * i) * HASH_BYTES), 0, level, i * HASH_BYTES, HASH_BYTES);
        }
        for (int width = count / 2; width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                System.arraycopy(node(level, 2 * i * HASH_BYTES), 0, level, i * HASH_BYTES, HASH_BYTES);
            }
        }
        byte[] root = new byte[HASH_BYTES];
        System.arraycopy(level, 0, root, 0, HASH_BYTES);
        return root;
    }
}

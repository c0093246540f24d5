package kyodo.ledger.journal.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree held in memory in tile layout: for each tile level, its hashes side by side in one growing
 * array (the concatenation of that level's tiles). Used beside {@code InMemoryLedger}, by the verifier and by
 * benchmarks; 32 bytes per leaf plus 1/255 of that for the upper levels. Not thread-safe.
 */
public final class MemoryTree implements TileReader {
    private static final int INITIAL_HASHES = 1024;

    private final MerkleHash hash = new MerkleHash();
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private long size;

    public long size() {
        return size;
    }

    /** Appends one leaf hash ({@code SHA-256(0x00 || canonical bytes)}). */
    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleHash.HASH_BYTES) {
            throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
        }
        byte[] carry = leafHash;
        for (int level = 0; carry != null; level++) {
            carry = push(level, carry);
        }
        size++;
    }

    /** Adds a hash at a tile level; returns the hash for the level above when a tile just filled up. */
    private byte[] push(int level, byte[] value) {
        if (levels.size() == level) {
            levels.add(new byte[INITIAL_HASHES * MerkleHash.HASH_BYTES]);
            counts.add(0L);
        }
        long count = counts.get(level);
        byte[] array = levels.get(level);
        long needed = (count + 1) * MerkleHash.HASH_BYTES;
        if (needed > array.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a memory tree holds at most " + (Integer.MAX_VALUE / 32) + " leaves");
            }
            array = Arrays.copyOf(array, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * array.length)));
            levels.set(level, array);
        }
        System.arraycopy(value, 0, array, (int) (count * MerkleHash.HASH_BYTES), MerkleHash.HASH_BYTES);
        counts.set(level, count + 1);
        if ((count + 1) % Tiles.WIDTH == 0) {
            return hash.subtree(array, (int) (count + 1 - Tiles.WIDTH), Tiles.WIDTH);
        }
        return null;
    }

    @Override
    public byte[] tile(int tileLevel, long index, int width) {
        long first = index * Tiles.WIDTH;
        if (tileLevel >= levels.size() || first + width > counts.get(tileLevel)) {
            throw new IllegalStateException("tile " + tileLevel + "/" + index + " has fewer than " + width + " hashes");
        }
        int from = (int) (first * MerkleHash.HASH_BYTES);
        return Arrays.copyOfRange(levels.get(tileLevel), from, from + width * MerkleHash.HASH_BYTES);
    }

    /** Nodes of the tree as it was at {@code treeSize} leaves (any size up to the current one). */
    public NodeReader nodes(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size must be in 0.." + size + ", was " + treeSize);
        }
        return new TiledNodes(this, treeSize);
    }

    public byte[] root() {
        return MerkleTree.root(nodes(size), size);
    }

    public byte[] root(long treeSize) {
        return MerkleTree.root(nodes(treeSize), treeSize);
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        return MerkleTree.inclusionProof(nodes(treeSize), index, treeSize);
    }

    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        return MerkleTree.consistencyProof(nodes(newSize), oldSize, newSize);
    }
}

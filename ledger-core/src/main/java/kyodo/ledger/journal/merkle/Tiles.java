package kyodo.ledger.journal.merkle;

/**
 * The C2SP tlog-tiles geometry. Tile level {@code L} holds the tree's hashes at level {@code 8·L}, 256 to a
 * tile; tile {@code (L, i)} holds hashes {@code 256·i .. 256·i + 255} of that level. Every other node is
 * recomputed from at most 128 hashes of one tile, which is what keeps reads to O(log n) tiles.
 */
public final class Tiles {
    public static final int HEIGHT = 8;
    public static final int WIDTH = 1 << HEIGHT;
    public static final int TILE_BYTES_MAX = WIDTH * MerkleHash.HASH_BYTES;

    private Tiles() {
    }

    /** How many hashes a tree of {@code size} leaves holds at tree level {@code 8·tileLevel}. */
    public static long hashesAt(int tileLevel, long size) {
        int shift = HEIGHT * tileLevel;
        return shift >= Long.SIZE ? 0 : size >>> shift;
    }

    /** The width of tile ({@code tileLevel}, {@code index}) in a tree of {@code size} leaves (0 if absent). */
    public static int width(int tileLevel, long index, long size) {
        long hashes = hashesAt(tileLevel, size);
        long before = index * WIDTH;
        if (hashes <= before) {
            return 0;
        }
        return (int) Math.min(WIDTH, hashes - before);
    }
}

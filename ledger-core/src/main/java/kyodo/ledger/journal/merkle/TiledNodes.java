package kyodo.ledger.journal.merkle;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link NodeReader} for the tree of {@code size} leaves that reads tiles and recomputes the levels between
 * them. It remembers the tiles it has read, so one root or proof reads each tile once: O(log n) reads. One
 * instance serves one computation; it is not thread-safe.
 */
public final class TiledNodes implements NodeReader {
    private final TileReader tiles;
    private final long size;
    private final MerkleHash hash = new MerkleHash();
    private final Map<TileKey, byte[]> read = new HashMap<>();

    public TiledNodes(TileReader tiles, long size) {
        this.tiles = tiles;
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** How many tiles this instance has read so far. */
    public int tilesRead() {
        return read.size();
    }

    @Override
    public byte[] node(int level, long index) {
        int tileLevel = level / Tiles.HEIGHT;
        int height = level % Tiles.HEIGHT;
        long first = index << height;
        long tileIndex = first / Tiles.WIDTH;
        int offset = (int) (first % Tiles.WIDTH);
        int width = Tiles.width(tileLevel, tileIndex, size);
        int count = 1 << height;
        if (offset + count > width) {
            throw new IllegalArgumentException("node " + level + "/" + index + " is not complete in a tree of "
                    + size + " leaves");
        }
        byte[] tile = read.computeIfAbsent(new TileKey(tileLevel, tileIndex, width),
                key -> checked(tiles.tile(key.level, key.index, key.width), key));
        return hash.subtree(tile, offset, count);
    }

    private static byte[] checked(byte[] tile, TileKey key) {
        if (tile == null || tile.length != key.width * MerkleHash.HASH_BYTES) {
            throw new IllegalStateException("tile " + key.level + "/" + key.index + " should hold " + key.width
                    + " hashes but " + (tile == null ? "is missing" : "holds " + tile.length / MerkleHash.HASH_BYTES));
        }
        return tile;
    }

    private record TileKey(int level, long index, int width) {
    }
}

package kyodo.ledger.journal.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Works out which tiles change when leaves are appended and what they hold afterwards. Only the right edge
 * changes: at each tile level the last partial tile grows and new tiles follow, and a level-(L+1) hash appears
 * exactly when a level-L tile fills up, i.e. within the same append. So only the partial tiles at the old right
 * edge need to be read.
 */
public final class TileAppender {
    private TileAppender() {
    }

    /** A tile's new content (all its hashes so far). */
    public record TileWrite(int level, long index, byte[] hashes) {
        public int width() {
            return hashes.length / MerkleHash.HASH_BYTES;
        }
    }

    /**
     * The tiles to write after appending {@code leafHashes} to a tree of {@code oldSize} leaves whose tiles
     * {@code stored} can read.
     */
    public static List<TileWrite> append(TileReader stored, long oldSize, List<byte[]> leafHashes) {
        MerkleHash hash = new MerkleHash();
        long newSize = Math.addExact(oldSize, leafHashes.size());
        List<TileWrite> writes = new ArrayList<>();
        List<byte[]> incoming = leafHashes;
        for (int level = 0; !incoming.isEmpty(); level++) {
            long before = Tiles.hashesAt(level, oldSize);
            List<byte[]> completed = new ArrayList<>();
            long position = before;
            int next = 0;
            while (next < incoming.size()) {
                long tileIndex = position / Tiles.WIDTH;
                int kept = (int) (position % Tiles.WIDTH);
                int added = (int) Math.min(Tiles.WIDTH - kept, incoming.size() - next);
                byte[] tile = new byte[(kept + added) * MerkleHash.HASH_BYTES];
                if (kept > 0) {
                    byte[] old = stored.tile(level, tileIndex, kept);
                    System.arraycopy(old, 0, tile, 0, kept * MerkleHash.HASH_BYTES);
                }
                for (int i = 0; i < added; i++) {
                    System.arraycopy(incoming.get(next + i), 0, tile, (kept + i) * MerkleHash.HASH_BYTES,
                            MerkleHash.HASH_BYTES);
                }
                writes.add(new TileWrite(level, tileIndex, tile));
                if (kept + added == Tiles.WIDTH) {
                    completed.add(hash.subtree(tile, 0, Tiles.WIDTH));
                }
                next += added;
                position += added;
            }
            incoming = completed;
        }
        assert Tiles.hashesAt(0, newSize) == newSize;
        return writes;
    }
}

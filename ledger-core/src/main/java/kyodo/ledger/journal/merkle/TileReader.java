package kyodo.ledger.journal.merkle;

/** Reads stored tiles. A tile only grows, so its first {@code width} hashes never change once written. */
@FunctionalInterface
public interface TileReader {
    /**
     * The first {@code width} hashes ({@code width·32} bytes) of tile ({@code tileLevel}, {@code index}).
     *
     * @throws IllegalStateException if the store holds fewer hashes than asked for
     */
    byte[] tile(int tileLevel, long index, int width);
}

package kyodo.ledger.journal.merkle;

/**
 * Reads the hash of a complete subtree: the node at {@code level} (0 = leaves) and {@code index}, covering
 * leaves {@code index·2^level} to {@code (index+1)·2^level − 1}. Callers ask only for nodes that the tree
 * they work on already holds in full.
 */
@FunctionalInterface
public interface NodeReader {
    byte[] node(int level, long index);
}

package kyodo.ledger.postgres;

/**
 * What the writer reports, for metrics (batch sizes, latency, retries) without ledger-core knowing any
 * metrics library. Called on the writer thread: keep it quick.
 */
public interface WriterListener {
    WriterListener NONE = new WriterListener() {
    };

    /** A batch of {@code entries} requests was decided and committed in {@code nanos}. */
    default void batchCommitted(int entries, int posted, long nanos) {
    }

    /** One caller's request waited and was decided in {@code nanos}, from enqueue to result. */
    default void requestCompleted(long nanos) {
    }

    /** A batch's transaction failed for a reason worth retrying (serialization, deadlock, lost connection). */
    default void batchRetried(String sqlState) {
    }
}

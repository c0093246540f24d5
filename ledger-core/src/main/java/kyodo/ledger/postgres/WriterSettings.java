package kyodo.ledger.postgres;

import java.time.Duration;

/**
 * How the writer batches: at most {@code batchEntriesMax} entries per transaction, at most {@code queueEntriesMax}
 * waiting (callers block beyond that: backpressure, not memory growth), and {@code batchWait} of lingering for
 * more entries when a batch is not full (zero: take what is queued; commits in flight already gather the next
 * batch).
 */
public record WriterSettings(int batchEntriesMax, int queueEntriesMax, Duration batchWait, int retriesMax) {
    public static final WriterSettings DEFAULT = new WriterSettings(4096, 65_536, Duration.ZERO, 5);

    public WriterSettings {
        if (batchEntriesMax < 1 || batchEntriesMax > 65_536) {
            throw new IllegalArgumentException("batchEntriesMax must be 1..65536, was " + batchEntriesMax);
        }
        if (queueEntriesMax < batchEntriesMax) {
            throw new IllegalArgumentException("queueEntriesMax (" + queueEntriesMax
                    + ") must be at least batchEntriesMax (" + batchEntriesMax + ")");
        }
        if (batchWait.isNegative() || batchWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("batchWait must be 0..1 s, was " + batchWait);
        }
        if (retriesMax < 0 || retriesMax > 100) {
            throw new IllegalArgumentException("retriesMax must be 0..100, was " + retriesMax);
        }
    }
}

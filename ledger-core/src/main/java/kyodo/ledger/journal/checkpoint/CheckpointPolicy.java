package kyodo.ledger.journal.checkpoint;

import java.time.Duration;
import java.time.Instant;

/**
 * When to sign a new checkpoint: once the tree has grown by {@code entriesMax} entries, or when
 * {@code interval} has passed since the last checkpoint and the tree has grown at all. A quiet ledger thus
 * publishes nothing new, and a busy one never waits long for a checkpoint.
 */
public record CheckpointPolicy(long entriesMax, Duration interval) {
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(1000, Duration.ofSeconds(60));

    public CheckpointPolicy {
        if (entriesMax < 1) {
            throw new IllegalArgumentException("entriesMax must be at least 1, was " + entriesMax);
        }
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be zero or positive, was " + interval);
        }
    }

    /**
     * Whether a checkpoint of {@code size} is due after the last one at {@code lastSize}, made at
     * {@code lastTime} ({@code null} when there is none).
     */
    public boolean due(long lastSize, Instant lastTime, long size, Instant now) {
        if (size <= lastSize) {
            return false;
        }
        return lastTime == null || size - lastSize >= entriesMax || !now.isBefore(lastTime.plus(interval));
    }
}

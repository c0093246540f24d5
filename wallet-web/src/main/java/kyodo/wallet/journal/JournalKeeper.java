package kyodo.wallet.journal;

import kyodo.ledger.journal.postgres.JournalFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls the follower on a timer, off the posting path: the tree trails the books by at most one interval and
 * posting never waits for hashing. A failed round is logged and retried next time; the follower's own lock
 * makes several processes doing this at once harmless.
 */
final class JournalKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalKeeper.class);

    private final JournalFollower follower;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kyodo-journal-follower");
        thread.setDaemon(true);
        return thread;
    });

    JournalKeeper(JournalFollower follower, Duration interval) {
        this.follower = follower;
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            follower.catchUp();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("the journal follower could not catch up; it will try again: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}

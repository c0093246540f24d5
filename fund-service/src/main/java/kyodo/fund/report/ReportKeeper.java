package kyodo.fund.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Folds new entries into the report tables on a timer, off the posting path and ahead of readers, so that a
 * report request rarely has anything left to fold. A failed round is logged and retried next time; the follower's
 * row lock makes several processes doing this at once harmless. {@code kyodo.report.follow-interval=0} turns it
 * off (reports still catch up when asked).
 */
@Component
class ReportKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportKeeper.class);

    private final ReportFollower follower;
    private final ScheduledExecutorService timer;

    ReportKeeper(ReportFollower follower,
                 @Value("${kyodo.report.follow-interval:30s}") Duration interval) {
        this.follower = follower;
        if (interval.isZero() || interval.isNegative()) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kyodo-report-follower");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            follower.catchUp();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("the report follower could not catch up; it will try again: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (timer != null) {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}

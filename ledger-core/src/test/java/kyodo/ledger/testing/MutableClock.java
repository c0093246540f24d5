package kyodo.ledger.testing;

import kyodo.ledger.calendar.BusinessCalendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' one clock: it stands still until a test moves it, so that runs are reproducible and two ledgers given
 * the same clock stamp their entries alike. Every module's tests use it, in place of the application's clock where
 * a Spring context runs. It tells time in the ward's zone, as the applications' clock does, so a date read from it
 * is the ward's date; {@link #withZone} is a view of the same moving instant in another zone.
 *
 * <p>{@link #advance} and {@link #advanceTo} only move forward, which is what a test of the books wants (their
 * journal is in time order); {@link #set} and {@link #reset} go anywhere, for tests that visit several moments.
 */
public final class MutableClock extends Clock {
    private final Instant start;
    private final AtomicReference<Instant> now;

    /** A clock standing at {@code start} until a test moves it. */
    public MutableClock(Instant start) {
        this.start = Objects.requireNonNull(start, "start");
        this.now = new AtomicReference<>(start);
    }

    /** Moves forward by {@code duration}; a negative duration is refused. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves to {@code instant} if it is later than now; an earlier instant leaves the clock where it is. */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now.updateAndGet(current -> instant.isAfter(current) ? instant : current);
    }

    /** Stands at {@code instant}, earlier or later. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Back to the instant the clock was made with. */
    public void reset() {
        now.set(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return BusinessCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Zoned(this, zone);
    }

    /** The same moving instant told in another zone. */
    private static final class Zoned extends Clock {
        private final MutableClock clock;
        private final ZoneId zone;

        Zoned(MutableClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}

package kyodo.fund.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates in the ward's zone as moments on the books. The database keeps microseconds, so the last
 * moment of a day is one microsecond before the next day starts: an entry posted at midnight belongs to the new day.
 */
final class BusinessDay {
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    private BusinessDay() {
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The last moment of {@code day}: "as of the end of that day". */
    static Instant end(LocalDate day) {
        return start(day.plusDays(1)).minus(MICROSECOND);
    }

    static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    static boolean inRange(LocalDate day) {
        return !day.isBefore(EARLIEST) && !day.isAfter(LATEST);
    }
}

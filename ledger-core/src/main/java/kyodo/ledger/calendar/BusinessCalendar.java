package kyodo.ledger.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Business days and months in the ward's zone, as moments on the books. Everything that cuts the books by date
 * (daily aggregates, statements, reports, vintages, expiry) asks here, and the database asks its twin
 * {@code kyodo_business_day(timestamptz)}, so a day starts at the same instant everywhere. The books keep
 * microseconds, so the last moment of a day is one microsecond before the next day starts: an entry posted at
 * midnight belongs to the new day.
 */
public final class BusinessCalendar {
    /** The ward's zone; its name is also what the database function and the nightly jobs' cron use. */
    public static final String ZONE_ID = "Asia/Tokyo";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    private BusinessCalendar() {
    }

    /** The business day that {@code instant} falls on. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The business month that {@code instant} falls in. */
    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZONE));
    }

    /** Today's business day by the clock, whatever zone the clock itself carries. */
    public static LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    /** The business month of the clock's instant. */
    public static YearMonth thisMonth(Clock clock) {
        return monthOf(clock.instant());
    }

    /** The first moment of {@code day}. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The last moment of {@code day} on the books: "as of the end of that day". */
    public static Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1)).minus(MICROSECOND);
    }

    /** The first moment of {@code month}. */
    public static Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /** A local date and time in the ward, as a moment. */
    public static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE);
    }

    /** The moment in the ward's zone, for formatting to people. */
    public static ZonedDateTime inWard(Instant instant) {
        return instant.atZone(ZONE);
    }
}

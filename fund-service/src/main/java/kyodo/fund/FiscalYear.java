package kyodo.fund;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

/**
 * A Japanese fiscal year (年度), April 1 to March 31, named after the calendar year it starts in: 2026年度 runs
 * from 2026-04-01 to 2027-03-31. Reports, programs and donor statements are cut by it.
 */
public record FiscalYear(int year) {
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2999;

    public FiscalYear {
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new IllegalArgumentException("fiscal year must be in " + YEAR_MIN + ".." + YEAR_MAX + ", was " + year);
        }
    }

    /** The fiscal year that contains {@code date}. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The fiscal year of today's date in the clock's zone (the ward's zone, Asia/Tokyo, in the application). */
    public static FiscalYear current(Clock clock) {
        return containing(LocalDate.now(clock));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }
}

package kyodo.ledger.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A Japanese fiscal year (年度), April 1 to March 31 in the ward's calendar, named after the calendar year it starts
 * in: 2026年度 runs from 2026-04-01 to 2027-03-31. Reports, budgets, programs and donor statements are cut by it.
 */
public record FiscalYear(int year) {
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2999;

    public FiscalYear {
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new IllegalArgumentException("fiscal year must be in " + YEAR_MIN + ".." + YEAR_MAX + ", was "
                    + year);
        }
    }

    /** The fiscal year that contains {@code date}. */
    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The fiscal year that contains {@code month}. */
    public static FiscalYear containing(YearMonth month) {
        return containing(month.atDay(1));
    }

    /** The fiscal year of the business day that {@code instant} falls on. */
    public static FiscalYear containing(Instant instant) {
        return containing(BusinessCalendar.dayOf(instant));
    }

    /** The fiscal year of today's business day: the ward's date decides, whatever zone the clock carries. */
    public static FiscalYear current(Clock clock) {
        return containing(BusinessCalendar.today(clock));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public YearMonth firstMonth() {
        return YearMonth.from(firstDay());
    }

    public YearMonth lastMonth() {
        return YearMonth.from(lastDay());
    }

    /** The first moment of the year on the books. */
    public Instant start() {
        return BusinessCalendar.startOf(firstDay());
    }

    /** The first moment after the year: the year is {@code [start(), end())}. */
    public Instant end() {
        return BusinessCalendar.startOf(lastDay().plusDays(1));
    }

    /**
     * April to the month of {@code day} (or to March when {@code day} is after the year): the months a report cut
     * on that day reaches; none when {@code day} is null or before the year.
     */
    public List<YearMonth> monthsThrough(LocalDate day) {
        List<YearMonth> months = new ArrayList<>();
        if (day == null || day.isBefore(firstDay())) {
            return months;
        }
        YearMonth end = day.isAfter(lastDay()) ? lastMonth() : YearMonth.from(day);
        for (YearMonth month = firstMonth(); !month.isAfter(end); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public FiscalYear next() {
        return new FiscalYear(year + 1);
    }

    /** How people read it: {@code 2026年度}. */
    public String japanese() {
        return year + "年度";
    }

    /** How English readers see it: {@code FY2026}. */
    public String english() {
        return "FY" + year;
    }
}

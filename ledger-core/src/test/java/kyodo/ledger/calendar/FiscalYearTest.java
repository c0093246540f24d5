package kyodo.ledger.calendar;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearTest {
    @Test
    void runsFromAprilFirstToMarchThirtyFirst() {
        FiscalYear year = new FiscalYear(2026);

        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(year.contains(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(year.contains(LocalDate.of(2027, 4, 1))).isFalse();
        assertThat(year.contains(LocalDate.of(2026, 3, 31))).isFalse();
    }

    @Test
    void januaryToMarchBelongToThePreviousCalendarYearsFiscalYear() {
        assertThat(FiscalYear.containing(LocalDate.of(2027, 1, 1))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.containing(LocalDate.of(2027, 3, 31))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.containing(LocalDate.of(2027, 4, 1))).isEqualTo(new FiscalYear(2027));
        assertThat(FiscalYear.containing(LocalDate.of(2026, 12, 31))).isEqualTo(new FiscalYear(2026));
    }

    @Test
    void theWardsDateDecidesWhateverZoneTheClockCarries() {
        Instant tokyoAprilFirstUtcMarch31 = Instant.parse("2027-03-31T15:30:00Z");

        assertThat(FiscalYear.current(Clock.fixed(tokyoAprilFirstUtcMarch31, BusinessCalendar.ZONE)))
                .isEqualTo(new FiscalYear(2027));
        assertThat(FiscalYear.current(Clock.fixed(tokyoAprilFirstUtcMarch31, ZoneOffset.UTC)))
                .isEqualTo(new FiscalYear(2027));
        assertThat(FiscalYear.containing(tokyoAprilFirstUtcMarch31)).isEqualTo(new FiscalYear(2027));
    }

    @Test
    void aCutReachesTheMonthsFromAprilToItsOwn() {
        FiscalYear year = new FiscalYear(2026);

        assertThat(year.monthsThrough(LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(year.monthsThrough(null)).isEmpty();
        assertThat(year.monthsThrough(LocalDate.of(2026, 6, 15)))
                .containsExactly(java.time.YearMonth.of(2026, 4), java.time.YearMonth.of(2026, 5),
                        java.time.YearMonth.of(2026, 6));
        assertThat(year.monthsThrough(LocalDate.of(2028, 1, 1))).hasSize(12)
                .endsWith(java.time.YearMonth.of(2027, 3));
    }

    @Test
    void startsAndEndsAtMidnightInTheWard() {
        FiscalYear year = new FiscalYear(2026);

        assertThat(year.start()).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
        assertThat(year.end()).isEqualTo(Instant.parse("2027-03-31T15:00:00Z"));
        assertThat(FiscalYear.containing(year.end().minusNanos(1000))).isEqualTo(year);
        assertThat(FiscalYear.containing(year.end())).isEqualTo(year.next());
        assertThat(year.japanese()).isEqualTo("2026年度");
        assertThat(year.english()).isEqualTo("FY2026");
    }

    @Test
    void rejectsYearsOutsideItsBounds() {
        assertThatThrownBy(() -> new FiscalYear(1999)).hasMessageContaining("was 1999");
        assertThatThrownBy(() -> new FiscalYear(3000)).hasMessageContaining("was 3000");
    }
}

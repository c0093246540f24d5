package kyodo.fund;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
    void theClocksZoneDecidesTheDate() {
        Instant tokyoAprilFirstUtcMarch31 = Instant.parse("2027-03-31T15:30:00Z");

        assertThat(FiscalYear.current(Clock.fixed(tokyoAprilFirstUtcMarch31, ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(new FiscalYear(2027));
        assertThat(FiscalYear.current(Clock.fixed(tokyoAprilFirstUtcMarch31, ZoneOffset.UTC)))
                .isEqualTo(new FiscalYear(2026));
    }

    @Test
    void rejectsYearsOutsideItsBounds() {
        assertThatThrownBy(() -> new FiscalYear(1999)).hasMessageContaining("was 1999");
        assertThatThrownBy(() -> new FiscalYear(3000)).hasMessageContaining("was 3000");
    }
}

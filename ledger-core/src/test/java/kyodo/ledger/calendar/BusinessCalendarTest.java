package kyodo.ledger.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {
    @Test
    void aBusinessDayStartsAtMidnightInTokyo() {
        LocalDate day = LocalDate.of(2026, 11, 25);

        assertThat(BusinessCalendar.startOf(day)).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(BusinessCalendar.dayOf(Instant.parse("2026-11-24T14:59:59.999999Z"))).isEqualTo(day.minusDays(1));
        assertThat(BusinessCalendar.dayOf(Instant.parse("2026-11-24T15:00:00Z"))).isEqualTo(day);
    }

    @Test
    void theEndOfADayIsItsLastMicrosecond() {
        LocalDate day = LocalDate.of(2026, 11, 25);

        assertThat(BusinessCalendar.endOf(day)).isEqualTo(Instant.parse("2026-11-25T14:59:59.999999Z"));
        assertThat(BusinessCalendar.dayOf(BusinessCalendar.endOf(day))).isEqualTo(day);
    }

    @Test
    void monthsFollowTheWardsDate() {
        assertThat(BusinessCalendar.monthOf(Instant.parse("2026-11-30T15:00:00Z"))).isEqualTo(YearMonth.of(2026, 12));
        assertThat(BusinessCalendar.startOf(YearMonth.of(2026, 12))).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }
}

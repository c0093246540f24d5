package kyodo.wallet.clocked;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.LocalDateTime;

/** Puts {@link #CLOCK} in place of the application's clock (the ledger, QR codes and every feature read it). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {
    static final MutableClock CLOCK = new MutableClock(
            LocalDateTime.of(2026, 4, 6, 10, 0).atZone(BusinessCalendar.ZONE).toInstant());

    @Bean
    @Primary
    MutableClock testClock() {
        return CLOCK;
    }
}

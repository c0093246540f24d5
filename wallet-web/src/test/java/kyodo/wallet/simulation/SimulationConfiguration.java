package kyodo.wallet.simulation;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.LocalDateTime;

/**
 * The simulation's own clock (from Monday 2026-04-06 09:00 in Tokyo, the first week of fiscal year 2026) and a
 * password encoder that does not hash: nobody signs in during the simulation, and hashing 1,000 residents'
 * passwords would be most of its running time.
 */
@TestConfiguration(proxyBeanMethods = false)
class SimulationConfiguration {
    static final MutableClock CLOCK = new MutableClock(
            LocalDateTime.of(2026, 4, 6, 9, 0).atZone(BusinessCalendar.ZONE).toInstant());

    @Bean
    @Primary
    MutableClock simulationClock() {
        return CLOCK;
    }

    @Bean
    @Primary
    @SuppressWarnings("deprecation")
    PasswordEncoder simulationPasswords() {
        return NoOpPasswordEncoder.getInstance();
    }
}

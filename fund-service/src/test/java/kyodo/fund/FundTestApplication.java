package kyodo.fund;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The fund assembled alone, as an application would assemble it, for the module's own tests. The clock is fixed
 * at 00:30 on 1 April 2027 in Tokyo, which is still 31 March in UTC, so a test sees whether the ward's zone
 * decides the date.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FundModule.class)
public class FundTestApplication {
    public static final Instant NOW = Instant.parse("2027-03-31T15:30:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));
    }
}

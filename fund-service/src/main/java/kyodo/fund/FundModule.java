package kyodo.fund;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The fund as one Spring module. The application that assembles it imports this class and provides what the fund
 * needs from its surroundings: a {@code DataSource} (migrated by Flyway) and a {@link java.time.Clock} in the
 * ward's time zone.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class FundModule {
}

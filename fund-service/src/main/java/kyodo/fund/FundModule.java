package kyodo.fund;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The fund as one Spring module. The application that assembles it imports this class and provides what the fund
 * needs from its surroundings: a {@code DataSource} (migrated by Flyway), a {@link java.time.Clock} in the ward's
 * time zone, the {@link kyodo.ledger.Ledger}, its users as {@link kyodo.fund.access.People}, and a security chain
 * that signs users in with the authorities of {@link kyodo.fund.access.Actor#authorities()} (their role as
 * {@code ROLE_<role>} and their user id). Endpoints are guarded by method security, so they stay closed even where
 * no chain is configured yet. As with {@code @SpringBootApplication}, the scan leaves out what tests declare
 * for themselves (slice configurations, stand-in controllers).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableMethodSecurity
public class FundModule {
}

package kyodo.fund;

import kyodo.fund.report.PublishedKeys;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.MutableClock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The fund assembled alone, as an application would assemble it, for the module's own tests. The clock is fixed
 * at 00:30 on 1 April 2027 in Tokyo, which is still 31 March in UTC, so a test sees whether the ward's zone
 * decides the date. The security chain stands in for wallet-web's: every URL reachable, so the fund's own method
 * security decides; tests sign in with {@link FundApi#as}, which registers the user and gives the authorities
 * sign-in gives (roles and the user id), and {@link TestPeople} stands in for the host's users.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FundModule.class)
public class FundTestApplication {
    public static final Instant NOW = Instant.parse("2027-03-31T15:30:00Z");

    /** The host's users: wallet-web provides them in the application, this stands in for the fund's tests. */
    @Bean
    TestPeople people(JdbcClient jdbc) {
        return new TestPeople(jdbc);
    }

    /**
     * The log's keys as the host would publish them: the report tests sign their checkpoints with this key
     * ({@code ReportWebTest}), so a proof bundle carries it.
     */
    @Bean
    PublishedKeys publishedKeys() {
        return () -> NoteSigner.fromSeed("report-test", new byte[32]).verifierKey().vkey() + "\n";
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(NOW);
    }

    @Bean
    @DependsOnDatabaseInitialization
    PostgresLedger ledger(DataSource dataSource, Clock clock) {
        return new PostgresLedger(dataSource, new LedgerId(1), "fund test ward", clock);
    }

    /** Japanese unless Accept-Language asks for English, as wallet-web's resolver does. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.JAPANESE);
        resolver.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
        return resolver;
    }

    @Bean
    SecurityFilterChain testChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}

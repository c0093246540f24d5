package kyodo.wallet.database;

import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.KyodoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code KYODO_DB_URL}, {@code KYODO_DB_USER} and {@code KYODO_DB_PASSWORD} as an operator sets them. */
class ExternalDatabaseTest {
    private static final TestDatabase DATABASE = TestDatabase.create("external_env");

    @Test
    void environmentVariablesSelectAnExternalPostgresAndStartNoServer() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("operator", Map.of(
                "KYODO_DB_URL", DATABASE.url(),
                "KYODO_DB_USER", DATABASE.user(),
                "KYODO_DB_PASSWORD", DATABASE.password(),
                "KYODO_PORT", "0")));

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KyodoApplication.class)
                .environment(environment).run()) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

            assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from ledger where id = 1", Integer.class)).isEqualTo(1);
            assertThat(context.getEnvironment().getProperty("local.server.port")).isNotEqualTo("8080");
        }
    }
}

package kyodo.wallet.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The application's one {@code DataSource}. Spring Boot's own DataSource configuration backs off because this
 * bean exists; Flyway (Spring Boot's) then migrates it with {@code classpath:db/migration} before anything that
 * uses the database starts. When the server is embedded, the bean graph orders the shutdown: the pool and every
 * user of the database close before the server stops.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String POOL_NAME = "kyodo";

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabase.class)
    static class External {
        @Bean
        HikariDataSource dataSource(DatabaseProperties properties) {
            log.info("Using the external PostgreSQL at {}", properties.url());
            return pool(properties.url(), properties.user(), properties.password(), properties.poolSizeMax());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedDatabase.class)
    static class Embedded {
        @Bean
        EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
            return EmbeddedPostgresServer.start(properties.embedded().dataDirectory(), properties.embedded().port());
        }

        @Bean
        HikariDataSource dataSource(EmbeddedPostgresServer server, DatabaseProperties properties) {
            return pool(server.jdbcUrl(), EmbeddedPostgresServer.USER, "", properties.poolSizeMax());
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int sizeMax) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(sizeMax);
        return new HikariDataSource(config);
    }

    static final class ExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("kyodo.db.url"));
        }
    }

    static final class EmbeddedDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ExternalDatabase().matches(context, metadata);
        }
    }
}

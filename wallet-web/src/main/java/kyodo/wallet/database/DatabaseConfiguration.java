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
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The application's two connection pools on one database. The primary {@code dataSource} serves requests, jobs and
 * Flyway (Spring Boot's own DataSource configuration backs off because it exists; Flyway migrates it with
 * {@code classpath:db/migration} before anything that uses the database starts). The {@code ledgerDataSource}
 * serves only the ledger: its writer and its reads. Code often calls the ledger while its own transaction holds a
 * request connection; were the ledger to draw from the same pool, enough such callers at once would each hold one
 * connection while waiting for another, and the pool would stall. With the ledger on its own pool, connections are
 * always taken in one order (request pool, then ledger pool), which cannot deadlock.
 *
 * <p>When the server is embedded, the bean graph orders the shutdown: the pools and every user of the database
 * close before the server stops.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String POOL_NAME = "kyodo";
    static final String LEDGER_POOL_NAME = "kyodo-ledger";

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabase.class)
    static class External {
        @Bean
        @Primary
        HikariDataSource dataSource(DatabaseProperties properties) {
            log.info("Using the external PostgreSQL at {}", properties.url());
            return pool(POOL_NAME, properties.url(), properties.user(), properties.password(),
                    properties.poolSizeMax());
        }

        @Bean
        HikariDataSource ledgerDataSource(DatabaseProperties properties) {
            return pool(LEDGER_POOL_NAME, properties.url(), properties.user(), properties.password(),
                    properties.ledgerPoolSizeMax());
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
        @Primary
        HikariDataSource dataSource(EmbeddedPostgresServer server, DatabaseProperties properties) {
            return pool(POOL_NAME, server.jdbcUrl(), EmbeddedPostgresServer.USER, "", properties.poolSizeMax());
        }

        @Bean
        HikariDataSource ledgerDataSource(EmbeddedPostgresServer server, DatabaseProperties properties) {
            return pool(LEDGER_POOL_NAME, server.jdbcUrl(), EmbeddedPostgresServer.USER, "",
                    properties.ledgerPoolSizeMax());
        }
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int sizeMax) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
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

package kyodo.wallet.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code kyodo.db.*}, also settable as environment variables ({@code KYODO_DB_URL}, {@code KYODO_DB_USER},
 * {@code KYODO_DB_PASSWORD}, {@code KYODO_DB_EMBEDDED_DATADIRECTORY}, {@code KYODO_DB_EMBEDDED_PORT}).
 *
 * @param url a PostgreSQL JDBC URL; when set, the application uses that server and starts none of its own
 * @param poolSizeMax the most connections the application's requests and jobs hold open
 * @param ledgerPoolSizeMax the most connections the ledger holds open: its writer keeps one, its reads share the rest
 * @param embedded the embedded server used when {@code url} is not set
 */
@ConfigurationProperties("kyodo.db")
public record DatabaseProperties(String url, @DefaultValue("postgres") String user, @DefaultValue("") String password,
                                 @DefaultValue("10") int poolSizeMax, @DefaultValue("6") int ledgerPoolSizeMax,
                                 @DefaultValue Embedded embedded) {
    public static final int POOL_SIZE_MAX_LIMIT = 200;

    public DatabaseProperties {
        if (poolSizeMax < 1 || poolSizeMax > POOL_SIZE_MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "kyodo.db.pool-size-max must be in 1.." + POOL_SIZE_MAX_LIMIT + ", was " + poolSizeMax);
        }
        if (ledgerPoolSizeMax < 2 || ledgerPoolSizeMax > POOL_SIZE_MAX_LIMIT) {
            throw new IllegalArgumentException("kyodo.db.ledger-pool-size-max must be in 2.." + POOL_SIZE_MAX_LIMIT
                    + " (the writer keeps one connection), was " + ledgerPoolSizeMax);
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDirectory PostgreSQL's data directory, kept between runs; relative paths are resolved against the
     *                      working directory, so by default each checkout has its own data in {@code .kyodo/}
     * @param port the server's port on localhost; 0 picks a free one at every start
     */
    public record Embedded(@DefaultValue(".kyodo/pgdata") Path dataDirectory, @DefaultValue("0") int port) {
        public Embedded {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("kyodo.db.embedded.port must be in 0..65535, was " + port);
            }
        }
    }
}

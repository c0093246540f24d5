package kyodo.ledger.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh, migrated PostgreSQL database for one test class. The server is the one named by
 * {@code KYODO_TEST_DB_URL} (with {@code KYODO_TEST_DB_USER} and {@code KYODO_TEST_DB_PASSWORD}; the user needs
 * CREATEDB), or else one embedded PostgreSQL started once per JVM. The data source is pooled. There is no fallback: if neither can be
 * reached the test fails, saying why.
 */
public record TestDatabase(String url, String user, String password, DataSource dataSource) {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    /** Creates a new database named after {@code purpose} and runs every Flyway migration of {@code db/}. */
    public static TestDatabase create(String purpose) {
        return create(purpose, null);
    }

    /**
     * Creates a new database with the migrations of {@code db/} up to {@code version} only: for a test of what a later
     * migration does to rows already there ({@link #migrate()} runs the rest).
     */
    public static TestDatabase createUpTo(String purpose, String version) {
        return create(purpose, version);
    }

    /** Runs the migrations not run yet. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private static TestDatabase create(String purpose, String version) {
        Server current = server();
        String name = ("kyodo_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet()).toLowerCase();
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
            name = "k" + name.substring(1);
        }
        try (Connection connection = current.admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + current.url
                    + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(current.url);
        dataSource.setDatabaseName(name);
        dataSource.setUser(current.user);
        dataSource.setPassword(current.password);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (version != null) {
            flyway = flyway.target(version);
        }
        flyway.load().migrate();
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(16);
        // Test classes keep their databases open until the JVM exits: idle pools hold few connections, so that
        // many of them fit under the server's limit.
        pool.setMinimumIdle(1);
        pool.setPoolName(name);
        return new TestDatabase(dataSource.getUrl(), current.user, current.password, new HikariDataSource(pool));
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        String url = System.getenv("KYODO_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("KYODO_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("KYODO_TEST_DB_PASSWORD", "");
            PGSimpleDataSource admin = new PGSimpleDataSource();
            admin.setUrl(url);
            admin.setUser(user);
            admin.setPassword(password);
            return new Server(url, user, password, admin);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    // Tests check correctness, not durability; the benchmark runs its own server with
                    // durable commits.
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is exiting; the embedded server's directory is temporary anyway
                }
            }));
            String jdbc = postgres.getJdbcUrl("postgres", "postgres");
            return new Server(jdbc, "postgres", "", postgres.getPostgresDatabase());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL for tests (set KYODO_TEST_DB_URL "
                    + "to use an external one): " + e.getMessage(), e);
        }
    }

    private record Server(String url, String user, String password, DataSource admin) {
    }
}

package kyodo.wallet.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server run by the application (zonky's binaries from Maven Central), so that the first run needs
 * nothing installed. Unlike a test database, its data directory is kept: stopping and starting again finds the
 * same books. The application's data is in the database {@value #DATABASE}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String DATABASE = "kyodo";
    public static final String USER = "postgres";
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** zonky's own lock file in the data directory; a live process that runs this directory holds it. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on {@code dataDirectory} (created and initialised if new) and makes sure the database exists. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring closes this bean after everything that uses the database; a second JVM hook could
                    // stop the server while the ledger still writes its last batch.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky tunes for throwaway test databases (fsync and synchronous_commit off); these are
                    // the books, so a committed entry must survive a power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory);
            try {
                server.createDatabaseIfMissing();
            } catch (RuntimeException e) {
                server.close(); // nobody else will: the bean never came to be
                throw e;
            }
            log.info("Embedded PostgreSQL on port {} with data in {} ({})", postgres.getPort(), directory,
                    server.jdbcUrl());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory
                    + " (set KYODO_DB_URL to use an external PostgreSQL instead): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped; data kept in {}", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8'");
            }
            log.info("Created database {} in the embedded PostgreSQL", DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " in the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    /**
     * If the previous run was killed without a shutdown (kill -9), its PostgreSQL keeps running on the data
     * directory and a new server could not start there. When no live process holds the directory's lock but
     * {@code postmaster.pid} names a running process, that server is an orphan: ask it to shut down.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("another Kyodo process is using the embedded PostgreSQL data in "
                        + directory + "; stop it or set kyodo.db.embedded.data-directory to another directory");
            }
            Optional<ProcessHandle> orphan = postmasterPid(pidFile).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (orphan.isEmpty()) {
                return; // a stale pid file: PostgreSQL itself recovers from it
            }
            log.warn("A PostgreSQL (pid {}) left running by an earlier run still uses {}; stopping it",
                    orphan.get().pid(), directory);
            orphan.get().destroy(); // SIGTERM: a clean "smart" shutdown
            try {
                orphan.get().onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("an orphaned PostgreSQL (pid " + orphan.get().pid()
                        + ") on " + directory + " did not stop within " + ORPHAN_STOP_WAIT, e);
            }
        }
    }

    /** Null when another process, or this one, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

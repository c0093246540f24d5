package kyodo.wallet.drill;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The drill's PostgreSQL: zonky's embedded server on a kept data directory and a fixed port, with durable commits
 * (fsync, synchronous_commit) as the application runs it, so that a restart after kill -9 finds exactly what was
 * committed. The application connects to it as an external database, so the drill can kill the server under it.
 */
final class DrillDatabase implements AutoCloseable {
    static final String DATABASE = "kyodo";
    static final String USER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    DrillDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    void start() throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(USER);
        return dataSource;
    }

    /**
     * kill -9 of the postmaster named in {@code postmaster.pid}, as a power cut or the OOM killer would; waits until
     * its backends have noticed and gone too (a new server refuses to start while they hold the shared memory).
     */
    void killServer() throws IOException, InterruptedException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        long pid = Long.parseLong(lines.get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("postmaster " + pid + " is not running"));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        waitForExit(postmaster);
        for (ProcessHandle backend : backends) {
            waitForExit(backend);
        }
        // Releases zonky's lock on the directory; its "pg_ctl stop" finds no server and says so in the log.
        server.close();
        server = null;
    }

    private static void waitForExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " did not exit within " + EXIT_WAIT, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

package kyodo.ledger.postgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the writer's cost, measured on the benchmark's own server: the least a PostgreSQL ledger can
 * write per single-leg transfer (an entry row with its two unique keys, a leg row with the two account-history
 * indexes, two account totals; no rules at all), posted in batches of {@value #BATCH} by a plpgsql function from
 * one connection, so that no client, network or Java time is in it (schema and function: {@code
 * bench/write-floor.sql}, in a schema {@code write_floor} of its own that is dropped afterwards). One serial writer
 * cannot go faster than this on the machine, whatever the client does.
 */
final class WriteFloor {
    private static final int BATCH = 1000;
    private static final int ACCOUNTS = 100_000;

    /** Transfers per second through the whole loop (commit included), and each timed write's µs per transfer. */
    record Result(double transfersPerSecond, Map<String, Double> microsPerTransfer) {
        double writeMicros() {
            return microsPerTransfer.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        @Override
        public String toString() {
            StringBuilder steps = new StringBuilder();
            microsPerTransfer.forEach((step, micros) -> steps.append(String.format("%s %.1f µs, ", step, micros)));
            return String.format("%.0f transfers/s from one connection in batches of %d; writes per transfer: %s"
                    + "together %.1f µs", transfersPerSecond, BATCH, steps, writeMicros());
        }
    }

    private WriteFloor() {
    }

    static Result measure(DataSource dataSource, int warmupSeconds, int seconds) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(script());
                statement.execute("insert into write_floor.account select g, 0, 1000000000 from generate_series(1, "
                        + ACCOUNTS + ") g");
                statement.execute("insert into write_floor.head values (1, 0)");
                statement.execute("vacuum analyze write_floor.account");
            }
            try (PreparedStatement post = connection.prepareStatement("select write_floor.post_batch(?, ?)")) {
                post.setInt(1, BATCH);
                post.setInt(2, ACCOUNTS);
                postFor(post, warmupSeconds);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("truncate write_floor.step_time");
                }
                long started = System.nanoTime();
                long batches = postFor(post, seconds);
                double elapsed = (System.nanoTime() - started) / 1e9;
                return new Result(batches * BATCH / elapsed, stepMicros(connection));
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("drop schema write_floor cascade");
                }
            }
        }
    }

    private static long postFor(PreparedStatement post, int seconds) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long batches = 0;
        while (System.nanoTime() < deadline) {
            post.execute();
            batches++;
        }
        return batches;
    }

    private static Map<String, Double> stepMicros(Connection connection) throws SQLException {
        Map<String, Double> micros = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select step, extract(epoch from total) * 1e6 / (calls * %d) from write_floor.step_time
                      order by case step when 'legs' then 1 when 'entries' then 2 else 3 end""".formatted(BATCH))) {
            while (rows.next()) {
                micros.put(rows.getString(1), rows.getDouble(2));
            }
        }
        return micros;
    }

    private static String script() throws IOException {
        try (InputStream in = WriteFloor.class.getResourceAsStream("/bench/write-floor.sql")) {
            if (in == null) {
                throw new IllegalStateException("bench/write-floor.sql is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

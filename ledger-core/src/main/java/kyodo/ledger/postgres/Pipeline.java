package kyodo.ledger.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several statements sent to PostgreSQL in one round trip. The driver splits a prepared statement's text at its
 * semicolons and sends every part before a single Sync, and the server runs them in order, each seeing what the
 * ones before it did, exactly as if they had been sent one by one. The writer's batch is a handful of statements;
 * waiting for each answer before sending the next cost it more time than running them, on a busy machine above all,
 * where every answer also waits for the writer's thread to be scheduled again.
 */
final class Pipeline {
    /** Sets one statement's parameters, starting at {@code first}. */
    @FunctionalInterface
    interface Parameters {
        void set(PreparedStatement statement, int first) throws SQLException;
    }

    /** Reads one query's rows. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** Checks one update's row count. */
    @FunctionalInterface
    interface CountCheck {
        void check(int rows) throws SQLException;
    }

    private record Step(String sql, int parameterCount, Parameters parameters, RowReader rows, CountCheck count) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** A query; {@code sql} has {@code parameterCount} question marks and no semicolon. */
    Pipeline query(String sql, int parameterCount, Parameters parameters, RowReader rows) {
        steps.add(new Step(sql, parameterCount, parameters, rows, null));
        return this;
    }

    /** An insert, update or delete without RETURNING. */
    Pipeline update(String sql, int parameterCount, Parameters parameters, CountCheck count) {
        steps.add(new Step(sql, parameterCount, parameters, null, count));
        return this;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Runs every step in order in one round trip; the first failing statement throws and runs none after it. */
    void run(Connection connection) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (Step step : steps) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(step.sql());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int first = 1;
            for (Step step : steps) {
                step.parameters().set(statement, first);
                first += step.parameterCount();
            }
            boolean rows = statement.execute();
            for (Step step : steps) {
                if (step.rows() != null) {
                    if (!rows) {
                        throw new IllegalStateException("expected rows from: " + step.sql());
                    }
                    try (ResultSet resultSet = statement.getResultSet()) {
                        step.rows().read(resultSet);
                    }
                } else {
                    if (rows) {
                        throw new IllegalStateException("expected a row count from: " + step.sql());
                    }
                    step.count().check(statement.getUpdateCount());
                }
                rows = statement.getMoreResults();
            }
        }
    }
}

package kyodo.ledger.postgres;

import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sits between the connection pool and the PostgreSQL driver and, while armed, makes the ledger writer's
 * transactions fail the ways a real database does: serialization failures and deadlocks before a statement, a
 * backend terminated by the server (a real dropped connection: {@code pg_terminate_backend} from a side
 * connection, then the statement runs against the dead session), a connection that closes under the writer, and
 * the worst case, a COMMIT that succeeds on the server while the client only sees the connection fail. Only the
 * writer thread's statements are hit, so setup and checks read the books undisturbed. The pool above sees the
 * failures as if the driver raised them, so it evicts broken connections as it would in production.
 */
final class FaultInjector {
    /** What can go wrong, and how often, per statement the writer executes (commits included). */
    enum Fault {
        SERIALIZATION("40001"),
        DEADLOCK("40P01"),
        BACKEND_TERMINATED(null),
        CONNECTION_CLOSED("08006"),
        COMMIT_ACK_LOST("08006");

        final String sqlState;

        Fault(String sqlState) {
            this.sqlState = sqlState;
        }
    }

    private static final String WRITER_THREAD_PREFIX = "kyodo-ledger-writer-";
    private static final long TERMINATION_WAIT_MILLIS = 10_000;

    private final Random random;
    private final double statementFaultRate;
    private final double lostAckRate;
    private final DataSource side;
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private final AtomicLong lostAcksForced = new AtomicLong();
    private volatile boolean armed;

    /**
     * @param statementFaultRate chance that a statement of the writer fails (split evenly over the four
     *                           statement faults)
     * @param lostAckRate        chance that a commit of the writer succeeds but reports a lost connection
     * @param side               an undisturbed data source to terminate backends from
     */
    FaultInjector(long seed, double statementFaultRate, double lostAckRate, DataSource side) {
        this.random = new Random(seed);
        this.statementFaultRate = statementFaultRate;
        this.lostAckRate = lostAckRate;
        this.side = side;
        for (Fault fault : Fault.values()) {
            injected.put(fault, new AtomicLong());
        }
    }

    void arm(boolean on) {
        armed = on;
    }

    /** The writer's next {@code count} commits succeed on the server and then report a lost connection. */
    void loseNextCommitAnswers(long count) {
        lostAcksForced.set(count);
    }

    long injected(Fault fault) {
        return injected.get(fault).get();
    }

    long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The driver's data source with faults in every connection it hands out. */
    DataSource wrap(DataSource driver) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = call(driver, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                commit(real);
                return null;
            }
            Object result = call(real, method, args);
            if (result instanceof CallableStatement statement) {
                return statement(CallableStatement.class, statement, real);
            }
            if (result instanceof PreparedStatement statement) {
                return statement(PreparedStatement.class, statement, real);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, real);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S real, Connection connection) {
        return proxy(type, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                beforeStatement(connection);
            }
            return call(real, method, args);
        });
    }

    private void beforeStatement(Connection connection) throws SQLException {
        Fault fault = draw(false);
        if (fault == null) {
            return;
        }
        count(fault);
        switch (fault) {
            case SERIALIZATION -> throw new SQLException("injected: could not serialize access", fault.sqlState);
            case DEADLOCK -> throw new SQLException("injected: deadlock detected", fault.sqlState);
            case BACKEND_TERMINATED -> terminate(connection); // the statement then fails for real
            case CONNECTION_CLOSED -> {
                connection.close();
                throw new SQLException("injected: an I/O error occurred while sending to the backend",
                        fault.sqlState);
            }
            case COMMIT_ACK_LOST -> throw new IllegalStateException("not a statement fault");
        }
    }

    private void commit(Connection real) throws SQLException {
        Fault fault = onWriterThread() && lostAcksForced.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? Fault.COMMIT_ACK_LOST : draw(true);
        if (fault == Fault.COMMIT_ACK_LOST) {
            count(fault);
            real.commit();
            real.close();
            throw new SQLException("injected: the connection failed after the commit was sent", fault.sqlState);
        }
        if (fault != null) {
            // A commit can also fail for real before the server commits: the transaction is rolled back.
            count(fault);
            if (fault == Fault.BACKEND_TERMINATED) {
                terminate(real);
            } else if (fault == Fault.CONNECTION_CLOSED) {
                real.close();
                throw new SQLException("injected: an I/O error occurred while sending to the backend",
                        fault.sqlState);
            } else {
                throw new SQLException("injected: " + fault + " at commit", fault.sqlState);
            }
        }
        real.commit();
    }

    /** Null when nothing goes wrong this time. */
    private Fault draw(boolean commit) {
        if (!armed || !onWriterThread()) {
            return null;
        }
        double roll;
        synchronized (random) {
            roll = random.nextDouble();
        }
        if (commit && roll < lostAckRate) {
            return Fault.COMMIT_ACK_LOST;
        }
        double statementRoll = commit ? roll - lostAckRate : roll;
        if (statementRoll < 0 || statementRoll >= statementFaultRate) {
            return null;
        }
        int which = (int) (statementRoll / statementFaultRate * 4);
        return new Fault[] {Fault.SERIALIZATION, Fault.DEADLOCK, Fault.BACKEND_TERMINATED,
                Fault.CONNECTION_CLOSED}[Math.min(3, which)];
    }

    private static boolean onWriterThread() {
        return Thread.currentThread().getName().startsWith(WRITER_THREAD_PREFIX);
    }

    private void count(Fault fault) {
        injected.get(fault).incrementAndGet();
    }

    /** Has the server end the session, as an operator or a crashing backend would, and waits until it is gone. */
    private void terminate(Connection connection) throws SQLException {
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        try (Connection admin = side.getConnection()) {
            try (PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
            long deadline = System.currentTimeMillis() + TERMINATION_WAIT_MILLIS;
            try (PreparedStatement alive = admin.prepareStatement(
                    "select count(*) from pg_stat_activity where pid = ?")) {
                alive.setInt(1, pid);
                while (System.currentTimeMillis() < deadline) {
                    try (ResultSet rs = alive.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            return;
                        }
                    }
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("backend " + pid + " did not end within " + TERMINATION_WAIT_MILLIS + " ms");
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FaultInjector.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}

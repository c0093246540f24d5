package kyodo.ledger.postgres;

import java.sql.SQLException;

/** Which database failures are worth retrying: the transaction was rolled back and may succeed next time. */
final class SqlStates {
    private SqlStates() {
    }

    static boolean worthRetrying(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.equals("40001")        // serialization failure
                || state.equals("40P01")     // deadlock detected
                || state.startsWith("08")    // connection exception
                || state.equals("57P01")     // admin shutdown (server restarting)
                || state.equals("53300");    // too many connections
    }
}

package kyodo.ledger.testing;

import kyodo.ledger.LedgerId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an attacker with the database's superuser could do to the journal behind the ledger's back, for tests that
 * show the verifier (or an audit) catches it. Here, in ledger-core, because only ledger-core names the ledger's
 * tables.
 */
public final class Tampering {
    private Tampering() {
    }

    /**
     * Adds one minor unit to a recorded leg's amount with the append-only triggers bypassed (replication role), as
     * a superuser could; returns how many legs changed (1 if the leg exists).
     */
    public static int inflateLeg(DataSource dataSource, LedgerId ledger, long sequence, int legIndex)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement replica = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "update leg set amount = amount + 1 where ledger_id = ? and sequence = ? and leg_index = ?")) {
            replica.execute("set session_replication_role = replica");
            try {
                update.setLong(1, ledger.value());
                update.setLong(2, sequence);
                update.setInt(3, legIndex);
                return update.executeUpdate();
            } finally {
                replica.execute("set session_replication_role = origin");
            }
        }
    }
}

package kyodo.ledger.journal.postgres;

import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.TileAppender;
import kyodo.ledger.journal.merkle.TileReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The tiles of one ledger's tree in {@code journal_tile}, read and written on the caller's connection. */
final class PostgresTiles implements TileReader {
    private final Connection connection;
    private final LedgerId ledger;

    PostgresTiles(Connection connection, LedgerId ledger) {
        this.connection = connection;
        this.ledger = ledger;
    }

    @Override
    public byte[] tile(int tileLevel, long index, int width) {
        try (PreparedStatement statement = connection.prepareStatement(
                "select substring(hashes from 1 for ?) from journal_tile where ledger_id = ? and level = ? and tile_index = ?")) {
            statement.setInt(1, width * MerkleHash.HASH_BYTES);
            statement.setLong(2, ledger.value());
            statement.setInt(3, tileLevel);
            statement.setLong(4, index);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("tile " + tileLevel + "/" + index + " of ledger " + ledger.value()
                            + " is missing");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new UncheckedSqlException("cannot read tile " + tileLevel + "/" + index, e);
        }
    }

    /** Writes new and grown tiles in one batch; the table's trigger refuses any that would shrink or change. */
    void write(List<TileAppender.TileWrite> writes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into journal_tile (ledger_id, level, tile_index, hashes) values (?, ?, ?, ?)
                on conflict (ledger_id, level, tile_index) do update set hashes = excluded.hashes""")) {
            for (TileAppender.TileWrite write : writes) {
                statement.setLong(1, ledger.value());
                statement.setInt(2, write.level());
                statement.setLong(3, write.index());
                statement.setBytes(4, write.hashes());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** An SQL failure where the interface has no checked exception; the cause keeps the details. */
    static final class UncheckedSqlException extends RuntimeException {
        UncheckedSqlException(String message, SQLException cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}

package kyodo.fund.report;

import kyodo.ledger.Ledger;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The signed checkpoints as the journal follower stores them (ledger-core's {@link PostgresJournal}), read for
 * reports: the newest one the report tables already cover.
 */
@Component
class Checkpoints {
    private final PostgresJournal journal;

    Checkpoints(DataSource dataSource, Ledger ledger) {
        this.journal = new PostgresJournal(dataSource, ledger.id());
    }

    /** The newest checkpoint whose tree size is at most {@code coveredUpTo}, or {@link ReportCheckpoint#NONE}. */
    ReportCheckpoint newestWithin(long coveredUpTo) throws SQLException {
        Optional<StoredCheckpoint> latest = journal.latestCheckpoint();
        if (latest.isEmpty()) {
            return ReportCheckpoint.NONE;
        }
        if (latest.get().treeSize() <= coveredUpTo) {
            return view(latest.get());
        }
        return journal.checkpoints().stream().filter(c -> c.treeSize() <= coveredUpTo).findFirst()
                .map(Checkpoints::view).orElse(ReportCheckpoint.NONE);
    }

    Optional<StoredCheckpoint> latest() throws SQLException {
        return journal.latestCheckpoint();
    }

    /** How many independent witnesses cosigned the checkpoint of {@code treeSize} (distinct witness keys). */
    int witnesses(long treeSize) throws SQLException {
        return journal.witnessCount(treeSize);
    }

    private static ReportCheckpoint view(StoredCheckpoint stored) {
        return new ReportCheckpoint(stored.treeSize(), HexFormat.of().formatHex(stored.root()),
                Base64.getEncoder().encodeToString(stored.root()), stored.note(), stored.createdAt());
    }
}

package kyodo.ledger.journal.postgres;

import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.SampleBooks;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.export.JournalExport;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.verify.VerificationReport;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker with superuser access to the database disables the append-only triggers and changes the books.
 * Each test does it to its own ledger in one database; the export of the changed tables, checked against the
 * checkpoints signed before, must name the sequence that was touched.
 */
class TamperingTest {
    private static final int ENTRIES = 160;
    private static TestDatabase database;
    private static NoteSigner signer;

    @BeforeAll
    static void database() {
        database = TestDatabase.create("journal_tampering");
        signer = NoteSigner.fromSeed("kyodo.example/journal-1", JournalFixture.SEED);
    }

    /** Books of {@code ledger} with ENTRIES entries, followed, checkpointed every 40 entries. */
    private static void books(long ledger) throws Exception {
        LedgerId id = new LedgerId(ledger);
        SampleBooks books = new SampleBooks(clock -> new PostgresLedger(database.dataSource(), id, "tamper", clock),
                ledger);
        try {
            JournalFollower follower = new JournalFollower(database.dataSource(), id, EntryFeed.of(books.ledger()),
                    new CheckpointSigner(JournalFixture.ORIGIN, List.of(signer)),
                    new CheckpointPolicy(40, Duration.ofDays(1)), books.clock());
            for (int i = 0; i < ENTRIES / 40; i++) {
                books.post(40);
                follower.catchUp();
            }
        } finally {
            ((PostgresLedger) books.ledger()).close();
        }
    }

    private static void attack(String... statements) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter table entry disable trigger all");
            statement.execute("alter table leg disable trigger all");
            statement.execute("alter table journal_checkpoint disable trigger all");
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } finally {
                statement.execute("alter table entry enable trigger all");
                statement.execute("alter table leg enable trigger all");
                statement.execute("alter table journal_checkpoint enable trigger all");
            }
        }
    }

    private static VerificationReport verify(long ledger) throws Exception {
        PostgresJournal journal = new PostgresJournal(database.dataSource(), new LedgerId(ledger));
        StringWriter out = new StringWriter();
        try (PostgresExportSource source = journal.exportSource()) {
            JournalExport.write(source, out);
        }
        List<String> notes = new ArrayList<>();
        for (StoredCheckpoint checkpoint : journal.checkpoints()) {
            notes.add(checkpoint.note());
        }
        assertThat(notes).hasSize(ENTRIES / 40);
        return JournalFixture.verify(out.toString(), notes, List.of(new PublicKeyFile.Entry(
                Optional.of(signer.verifierKey().name()), signer.verifierKey().publicKey())));
    }

    @Test
    void untouchedBooksVerify() throws Exception {
        books(10);
        assertThat(verify(10).failure()).isNull();
    }

    @Test
    void oneChangedAmountIsReportedAtItsSequence() throws Exception {
        books(11);
        attack("update leg set amount = amount + 1 where ledger_id = 11 and sequence = 57 and leg_index = 0");
        VerificationReport report = verify(11);
        assertThat(report.failure().sequence()).isEqualTo(57);
        assertThat(report.failure().reason()).contains("chain hash");
    }

    @Test
    void oneDeletedEntryIsReportedAtItsSequence() throws Exception {
        books(12);
        attack("delete from leg where ledger_id = 12 and sequence = 101",
                "delete from entry where ledger_id = 12 and sequence = 101");
        VerificationReport report = verify(12);
        assertThat(report.failure().sequence()).isEqualTo(101);
        assertThat(report.failure().reason()).contains("missing");
    }

    @Test
    void twoReorderedEntriesAreReportedAtTheFirst() throws Exception {
        books(13);
        attack("update leg set sequence = 1000000 where ledger_id = 13 and sequence = 33",
                "update entry set sequence = 1000000 where ledger_id = 13 and sequence = 33",
                "update leg set sequence = 33 where ledger_id = 13 and sequence = 34",
                "update entry set sequence = 33 where ledger_id = 13 and sequence = 34",
                "update leg set sequence = 34 where ledger_id = 13 and sequence = 1000000",
                "update entry set sequence = 34 where ledger_id = 13 and sequence = 1000000");
        VerificationReport report = verify(13);
        assertThat(report.failure().sequence()).isEqualTo(33);
    }

    @Test
    void anAlteredCheckpointIsReportedAtItsTreeSize() throws Exception {
        books(14);
        attack("""
                update journal_checkpoint
                   set note = regexp_replace(note, '\\n([A-Za-z0-9+/])([A-Za-z0-9+/=]{43})\\n',
                                             E'\\n' || case when substring(note from '\\n([A-Za-z0-9+/])[A-Za-z0-9+/=]{43}\\n') = 'A'
                                                            then 'B' else 'A' end || E'\\\\2\\n')
                 where ledger_id = 14 and tree_size = 80""");
        VerificationReport report = verify(14);
        assertThat(report.failure().sequence()).isEqualTo(80);
        assertThat(report.failure().reason()).contains("does not verify");
    }
}

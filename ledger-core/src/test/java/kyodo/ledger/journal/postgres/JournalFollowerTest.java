package kyodo.ledger.journal.postgres;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.SampleBooks;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.export.JournalExport;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MemoryTree;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.verify.VerificationReport;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The follower appending a {@link PostgresLedger}'s entries to the stored tree, and what is served from it.
 * Each test keeps its own ledger in the class's database.
 */
class JournalFollowerTest {
    private static TestDatabase database;
    private static CheckpointSigner signer;
    private LedgerId ledger;
    private SampleBooks books;

    @BeforeAll
    static void database() {
        database = TestDatabase.create("journal_follower");
        signer = new CheckpointSigner(JournalFixture.ORIGIN,
                List.of(NoteSigner.fromSeed("kyodo.example/journal-1", JournalFixture.SEED)));
    }

    private void books(long id) {
        ledger = new LedgerId(id);
        books = new SampleBooks(clock -> new PostgresLedger(database.dataSource(), ledger, "follower", clock), id);
    }

    @AfterEach
    void close() {
        if (books != null) {
            ((PostgresLedger) books.ledger()).close();
        }
    }

    private JournalFollower follower(EntryFeed feed) {
        return new JournalFollower(database.dataSource(), ledger, feed, signer,
                new CheckpointPolicy(100, Duration.ofMinutes(10)), books.clock());
    }

    private MemoryTree expectedTree() {
        MemoryTree tree = new MemoryTree();
        MerkleHash hash = new MerkleHash();
        long head = books.ledger().head().sequence();
        for (long from = 1; from <= head; from += 500) {
            for (JournalEntry entry : books.ledger().entries(from, Math.min(head, from + 499))) {
                tree.append(hash.leaf(CanonicalEncoding.encode(entry)));
            }
        }
        return tree;
    }

    @Test
    void followsTheLedgerIdempotentlyAndSignsCheckpointsByPolicy() throws Exception {
        books(1);
        books.post(230);
        JournalFollower follower = follower(EntryFeed.of(books.ledger()));
        assertThat(follower.catchUp()).isEqualTo(230);
        assertThat(follower.step().appended()).isZero();
        books.post(120);
        JournalFollower sqlFollower = follower(new PostgresJournal(database.dataSource(), ledger).feed());
        JournalFollower.Progress progress = sqlFollower.step();
        assertThat(progress.appended()).isEqualTo(120);
        assertThat(progress.checkpoint()).as("350 - 230 ≥ 100 entries since the last checkpoint").isNotNull();

        PostgresJournal journal = new PostgresJournal(database.dataSource(), ledger);
        MemoryTree expected = expectedTree();
        assertThat(journal.treeSize()).isEqualTo(350);
        assertThat(journal.root(350)).isEqualTo(expected.root());
        assertThat(journal.root(123)).isEqualTo(expected.root(123));
        assertThat(journal.checkpoints()).extracting(StoredCheckpoint::treeSize).containsExactly(350L, 230L);
    }

    @Test
    void twoFollowersAtOnceAppendEveryEntryExactlyOnce() throws Exception {
        books(2);
        books.post(300);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                EntryFeed feed = i == 0 ? EntryFeed.of(books.ledger()) : new PostgresJournal(database.dataSource(), ledger).feed();
                runs.add(pool.submit(() -> {
                    long appended = 0;
                    JournalFollower follower = follower(feed);
                    for (int step = 0; step < 50; step++) {
                        appended += follower.step().appended();
                    }
                    return appended;
                }));
            }
            long head = books.ledger().head().sequence();
            long before = head - 300;
            long total = 0;
            for (Future<Long> run : runs) {
                total += run.get();
            }
            PostgresJournal journal = new PostgresJournal(database.dataSource(), ledger);
            assertThat(journal.treeSize()).isEqualTo(head);
            assertThat(total).isLessThanOrEqualTo(head - before + 0L).isGreaterThanOrEqualTo(0);
            assertThat(journal.root(head)).isEqualTo(expectedTree().root());
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "select sum(length(hashes)) / 32 from journal_tile where ledger_id = 2 and level = 0")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(head);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void proofsFromStoredTilesVerifyAgainstEveryCheckpoint() throws Exception {
        books(3);
        JournalFollower follower = follower(EntryFeed.of(books.ledger()));
        for (int i = 0; i < 4; i++) {
            books.post(110);
            follower.catchUp();
        }
        PostgresJournal journal = new PostgresJournal(database.dataSource(), ledger);
        List<StoredCheckpoint> checkpoints = new ArrayList<>(journal.checkpoints());
        checkpoints.sort((a, b) -> Long.compare(a.treeSize(), b.treeSize()));
        assertThat(checkpoints).hasSizeGreaterThanOrEqualTo(2);
        StoredCheckpoint previous = null;
        for (StoredCheckpoint stored : checkpoints) {
            SignedNote note = SignedNote.parse(stored.note());
            assertThat(note.verify(signer.verifierKeys()).verified()).isTrue();
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            for (long sequence : new long[] {1, stored.treeSize() / 2 + 1, stored.treeSize()}) {
                InclusionProof proof = journal.inclusionProof(sequence, stored.treeSize());
                JournalEntry entry = books.ledger().entry(sequence).orElseThrow();
                assertThat(proof.leafHash()).isEqualTo(new MerkleHash().leaf(CanonicalEncoding.encode(entry)));
                assertThat(proof.verify(checkpoint.root())).as("entry %d in checkpoint %d", sequence, stored.treeSize())
                        .isTrue();
            }
            if (previous != null) {
                ConsistencyProof proof = journal.consistencyProof(previous.treeSize(), stored.treeSize());
                assertThat(proof.verify(previous.root(), stored.root())).isTrue();
            }
            previous = stored;
        }
        assertThatThrownBy(() -> journal.inclusionProof(1, 7)).hasMessageContaining("no checkpoint");
        // The level-0 tiles served as C2SP tiles hold the leaf hashes, also at an older (partial) width.
        byte[] first = journal.tile(new kyodo.ledger.journal.merkle.TilePath(0, 0, 256)).orElseThrow();
        assertThat(java.util.Arrays.copyOfRange(first, 0, 32))
                .isEqualTo(new MerkleHash().leaf(CanonicalEncoding.encode(books.ledger().entry(1).orElseThrow())));
        assertThat(journal.tile(new kyodo.ledger.journal.merkle.TilePath(0, 1, 10)).orElseThrow()).hasSize(320);
        assertThat(journal.tile(new kyodo.ledger.journal.merkle.TilePath(0, 99, 256))).isEmpty();
    }

    @Test
    void aSnapshotExportOfThePostgresBooksVerifies() throws Exception {
        books(4);
        books.post(140);
        follower(EntryFeed.of(books.ledger())).catchUp();
        PostgresJournal journal = new PostgresJournal(database.dataSource(), ledger);
        StringWriter out = new StringWriter();
        try (PostgresExportSource source = journal.exportSource()) {
            JournalExport.write(source, out);
        }
        List<String> notes = new ArrayList<>();
        for (StoredCheckpoint checkpoint : journal.checkpoints()) {
            notes.add(checkpoint.note());
        }
        VerificationReport report = JournalFixture.verify(out.toString(), notes, List.of(
                new kyodo.ledger.journal.note.PublicKeyFile.Entry(java.util.Optional.of("kyodo.example/journal-1"),
                        signer.verifierKeys().get(0).publicKey())));
        assertThat(report.failure()).isNull();
    }

    @Test
    void tilesOnlyGrowEvenForTheDatabaseOwner() {
        books(5);
        assertThatThrownBy(() -> {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                books.post(1);
                follower(EntryFeed.of(books.ledger())).catchUp();
                statement.executeUpdate("update journal_tile set hashes = substring(hashes from 33) where ledger_id = 5");
            }
        }).hasMessageContaining("may only grow");
        assertThatThrownBy(() -> {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from journal_checkpoint where ledger_id = 5");
            }
        }).hasMessageContaining("append-only");
    }
}

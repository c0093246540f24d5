package kyodo.ledger.journal.postgres;

import kyodo.ledger.LedgerId;
import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.SampleBooks;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.Cosignatures;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.merkle.EntryBundle;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.TilePath;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.witness.WitnessKey;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Witness cosignatures of stored checkpoints: what the log accepts, what it keeps (and what the database
 * refuses on its own), the note it serves with them, the paged checkpoint history and the entry bundles.
 */
class CosignaturesTest {
    private static final LedgerId LEDGER = new LedgerId(41);
    private static TestDatabase database;
    private static SampleBooks books;
    private static PostgresJournal journal;
    private static WitnessKey first;
    private static WitnessKey second;
    private static final NoteSigner LOG_KEY = NoteSigner.fromSeed("kyodo.example/journal-1", JournalFixture.SEED);

    @BeforeAll
    static void checkpoints(@TempDir Path keys) throws Exception {
        database = TestDatabase.create("journal_cosignatures");
        books = new SampleBooks(clock -> new PostgresLedger(database.dataSource(), LEDGER, "cosign", clock), 41);
        JournalFollower follower = new JournalFollower(database.dataSource(), LEDGER,
                new PostgresJournal(database.dataSource(), LEDGER).feed(),
                new CheckpointSigner(JournalFixture.ORIGIN, List.of(LOG_KEY)),
                new CheckpointPolicy(1, Duration.ZERO), books.clock());
        for (int i = 0; i < 3; i++) {
            books.post(40);
            follower.catchUp();
        }
        journal = new PostgresJournal(database.dataSource(), LEDGER);
        first = WitnessKey.create(keys.resolve("first.key"), "news.example/witness");
        second = WitnessKey.create(keys.resolve("second.key"), "next-ward.example/witness");
    }

    @AfterAll
    static void close() {
        ((PostgresLedger) books.ledger()).close();
    }

    private static String body(StoredCheckpoint checkpoint) {
        try {
            return SignedNote.parse(checkpoint.note()).text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> storedBody(long size) {
        try {
            return journal.checkpoint(size).map(CosignaturesTest::body);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cosigned(WitnessKey key, String body, long timestamp) {
        return new SignedNote(body, List.of(key.cosign(body, timestamp).noteSignature())).format();
    }

    private static Cosignatures.Decision check(String note, Instant now) {
        return Cosignatures.check(note, JournalFixture.ORIGIN, CosignaturesTest::storedBody,
                List.of(first.cosignerKey(), second.cosignerKey()), now);
    }

    @Test
    void storesVerifiedCosignaturesOncePerWitnessAndServesThemWithTheNote() throws Exception {
        List<StoredCheckpoint> history = journal.checkpointsBefore(Long.MAX_VALUE, 10);
        assertThat(history).hasSizeGreaterThanOrEqualTo(3);
        StoredCheckpoint checkpoint = history.get(1);
        Instant now = Instant.now();
        String body = body(checkpoint);

        Cosignatures.Decision decision = check(cosigned(first, body, now.getEpochSecond()), now);
        assertThat(decision.code()).as(decision.detail()).isEqualTo(Cosignatures.Code.ACCEPTED);
        assertThat(journal.storeCosignatures(checkpoint.treeSize(), decision.verified(), now)).isEqualTo(1);
        assertThat(journal.storeCosignatures(checkpoint.treeSize(), check(cosigned(first, body,
                now.getEpochSecond() + 1), now).verified(), now)).as("a witness's first cosignature stays").isZero();
        assertThat(journal.witnessCount(checkpoint.treeSize())).isEqualTo(1);
        journal.storeCosignatures(checkpoint.treeSize(), check(cosigned(second, body, now.getEpochSecond()), now)
                .verified(), now);
        assertThat(journal.witnessCount(checkpoint.treeSize())).isEqualTo(2);
        assertThat(journal.witnessCount(history.get(0).treeSize())).isZero();
        assertThat(journal.witnessCounts(checkpoint.treeSize(), history.get(0).treeSize()))
                .containsOnlyKeys(checkpoint.treeSize());

        SignedNote served = SignedNote.parse(journal.cosignedNote(checkpoint));
        assertThat(served.text()).isEqualTo(body);
        assertThat(served.signatures()).hasSize(3);
        assertThat(served.verify(List.of(LOG_KEY.verifierKey())).verified()).as("the log's signature still verifies")
                .isTrue();
        for (WitnessKey witness : List.of(first, second)) {
            NoteSignature line = served.signatures().stream()
                    .filter(s -> s.keyName().equals(witness.cosignerKey().name())).findFirst().orElseThrow();
            assertThat(witness.cosignerKey().verify(body, Cosignature.of(line).orElseThrow())).isTrue();
        }
    }

    @Test
    void refusesWhatIsNotAVerifiedCosignatureOfAStoredCheckpoint() throws Exception {
        StoredCheckpoint checkpoint = journal.latestCheckpoint().orElseThrow();
        String body = body(checkpoint);
        Instant now = Instant.now();
        byte[] otherRoot = checkpoint.root();
        otherRoot[0] ^= 1;
        String forgedBody = new Checkpoint(JournalFixture.ORIGIN, checkpoint.treeSize(), otherRoot).body();
        assertThat(check(cosigned(first, forgedBody, now.getEpochSecond()), now).code())
                .isEqualTo(Cosignatures.Code.UNKNOWN_CHECKPOINT);
        String elsewhere = new Checkpoint("elsewhere.example/log", checkpoint.treeSize(), checkpoint.root()).body();
        assertThat(check(cosigned(first, elsewhere, now.getEpochSecond()), now).code())
                .isEqualTo(Cosignatures.Code.NOT_THIS_LOG);
        assertThat(check("not a note", now).code()).isEqualTo(Cosignatures.Code.NOT_A_NOTE);
        assertThat(check(cosigned(first, body, now.plusSeconds(3600).getEpochSecond()), now).code())
                .isEqualTo(Cosignatures.Code.FROM_THE_FUTURE);

        Cosignature good = first.cosign(body, now.getEpochSecond());
        byte[] bad = good.signature();
        bad[10] ^= 1;
        String tampered = new SignedNote(body, List.of(new Cosignature(good.keyName(), good.keyId(), good.timestamp(),
                bad).noteSignature())).format();
        Cosignatures.Decision refused = check(tampered, now);
        assertThat(refused.code()).isEqualTo(Cosignatures.Code.BAD_SIGNATURE);
        assertThat(refused.detail()).contains("news.example/witness", "tree size " + checkpoint.treeSize());

        Cosignatures.Decision stranger = Cosignatures.check(cosigned(first, body, now.getEpochSecond()),
                JournalFixture.ORIGIN, CosignaturesTest::storedBody, List.of(second.cosignerKey()), now);
        assertThat(stranger.code()).isEqualTo(Cosignatures.Code.NO_KNOWN_WITNESS);
        assertThat(journal.witnessCount(checkpoint.treeSize())).isZero();
    }

    @Test
    void theDatabaseRefusesCosignaturesThatJavaWouldNeverWrite() throws Exception {
        StoredCheckpoint checkpoint = journal.checkpointsBefore(Long.MAX_VALUE, 10).get(2);
        CosignerKey key = first.cosignerKey();
        assertThatThrownBy(() -> insert(checkpoint.treeSize(), key.name(), key.id() + 1, key.publicKey()))
                .hasMessageContaining("journal_cosignature_key_id_matches");
        assertThatThrownBy(() -> insert(checkpoint.treeSize() + 1, key.name(), key.id(), key.publicKey()))
                .hasMessageContaining("journal_cosignature_of_a_checkpoint");
        int spacedId = VerifierKey.keyId("a name", CosignerKey.ALGORITHM_COSIGNATURE_V1, key.publicKey());
        assertThatThrownBy(() -> insert(checkpoint.treeSize(), "a name", spacedId, key.publicKey()))
                .hasMessageContaining("journal_cosignature_name_is_a_key_name");
        insert(checkpoint.treeSize(), key.name(), key.id(), key.publicKey());
        try (Connection connection = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "update journal_cosignature set signed_at = 0 where ledger_id = " + LEDGER.value()))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "delete from journal_cosignature where ledger_id = " + LEDGER.value()))
                    .isInstanceOf(SQLException.class);
        }
    }

    private static void insert(long treeSize, String name, int keyId, byte[] publicKey) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into journal_cosignature (ledger_id, tree_size, witness_name, key_id, public_key,
                                                      signed_at, signature, received_at)
                     values (?, ?, ?, ?, ?, 1, ?, ?)""")) {
            statement.setLong(1, LEDGER.value());
            statement.setLong(2, treeSize);
            statement.setString(3, name);
            statement.setInt(4, keyId);
            statement.setBytes(5, publicKey);
            statement.setBytes(6, new byte[64]);
            statement.setTimestamp(7, Timestamp.from(Instant.now()));
            statement.executeUpdate();
        }
    }

    @Test
    void pagesTheCheckpointHistoryNewestFirst() throws Exception {
        List<StoredCheckpoint> all = journal.checkpointsBefore(Long.MAX_VALUE, 1000);
        assertThat(journal.checkpointCount()).isEqualTo(all.size());
        assertThat(all).extracting(StoredCheckpoint::treeSize).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<StoredCheckpoint> page = journal.checkpointsBefore(Long.MAX_VALUE, 2);
        List<StoredCheckpoint> next = journal.checkpointsBefore(page.get(1).treeSize(), 2);
        assertThat(page).extracting(StoredCheckpoint::treeSize).containsExactly(all.get(0).treeSize(),
                all.get(1).treeSize());
        assertThat(next.get(0).treeSize()).isEqualTo(all.get(2).treeSize());
    }

    @Test
    void entryBundlesHoldPublicEntriesAndTheLeafHashesOfPrivateOnes() throws Exception {
        long size = journal.treeSize();
        int width = (int) Math.min(size, 256);
        List<byte[]> items = EntryBundle.decode(journal.entryBundle(0, width, e -> e.sequence() % 2 == 0)
                .orElseThrow());
        byte[] tile = journal.tile(new TilePath(0, 0, width)).orElseThrow();
        assertThat(items).hasSize(width);
        for (int i = 0; i < width; i++) {
            boolean withheld = (i + 1) % 2 != 0;
            assertThat(EntryBundle.isWithheld(items.get(i))).as("entry " + (i + 1)).isEqualTo(withheld);
            assertThat(EntryBundle.leafHash(items.get(i))).isEqualTo(Arrays.copyOfRange(tile,
                    i * MerkleHash.HASH_BYTES, (i + 1) * MerkleHash.HASH_BYTES));
        }
        assertThat(journal.entryBundle(0, width + 1, e -> true)).as("beyond the tree").isEmpty();
    }
}

package kyodo.wallet.journal;

import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.ResultCode;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** In the running application, the journal follows the books by itself and signs checkpoints on schedule. */
@SpringBootTest(properties = {"kyodo.journal.checkpoint-entries=2", "kyodo.journal.follow-interval=200ms"})
class JournalKeeperTest {
    private static final TestDatabase DATABASE = TestDatabase.create("journal_keeper");

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.journal.keys-directory", () -> keys.toString());
    }

    @Autowired
    PostgresLedger ledger;

    @Autowired
    PostgresJournal journal;

    @Autowired
    CheckpointSigner signer;

    @Test
    void theTreeFollowsTheBooksAndCheckpointsAreSignedWithTheGeneratedKey() throws Exception {
        var source = ledger.open(AccountSpec.unclassified("issuance:journal", Asset.PT,
                AccountKind.EQUITY)).orThrow().id();
        var wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:journal", Asset.PT)).orThrow().id();
        for (int i = 0; i < 5; i++) {
            assertThat(ledger.post(EntryRequest.of("journal:" + i, EntryKind.ISSUE, "staff:1",
                    Leg.transfer(source, wallet, Amount.pt(10)))).code()).isEqualTo(ResultCode.POSTED);
        }
        long head = ledger.head().sequence();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (journal.treeSize() < head && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(journal.treeSize()).isEqualTo(head);
        var checkpoint = journal.latestCheckpoint().orElseThrow();
        SignedNote note = SignedNote.parse(checkpoint.note());
        assertThat(note.verify(signer.verifierKeys()).signedBy()).isNotEmpty();
        assertThat(Files.list(keys).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.endsWith(".key")).anyMatch(name -> name.endsWith(".pub"));
        // The first entry is provably in the signed tree: its canonical bytes hash to the proof's leaf.
        var proof = journal.inclusionProof(1, checkpoint.treeSize());
        byte[] leaf = new MerkleHash().leaf(CanonicalEncoding.encode(ledger.entry(1).orElseThrow()));
        assertThat(proof.leafHash()).isEqualTo(leaf);
        assertThat(proof.verify(checkpoint.root())).isTrue();
    }
}

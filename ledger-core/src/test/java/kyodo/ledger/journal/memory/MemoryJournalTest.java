package kyodo.ledger.journal.memory;

import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.journal.EntryFeed;
import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.merkle.ConsistencyProof;
import kyodo.ledger.journal.merkle.InclusionProof;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.SignedNote;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryJournalTest {
    @Test
    void servesInclusionAndConsistencyProofsForEveryCheckpoint() throws Exception {
        JournalFixture fixture = new JournalFixture(5L, 260);
        List<SignedNote> notes = fixture.journal.checkpoints();
        assertThat(notes).extracting(note -> note.text().split("\n")[1]).containsExactly("25", "75", "125", "175", "225");
        Checkpoint previous = null;
        for (SignedNote note : notes) {
            assertThat(note.verify(List.of(fixture.signer.verifierKey())).verified()).isTrue();
            Checkpoint checkpoint = Checkpoint.parse(note.text());
            for (long sequence = 1; sequence <= checkpoint.size(); sequence += 7) {
                InclusionProof proof = fixture.journal.inclusionProof(sequence, checkpoint.size());
                JournalEntry entry = fixture.books.ledger().entry(sequence).orElseThrow();
                assertThat(proof.leafHash()).isEqualTo(new MerkleHash().leaf(CanonicalEncoding.encode(entry)));
                assertThat(proof.verify(checkpoint.root())).isTrue();
            }
            if (previous != null) {
                ConsistencyProof proof = fixture.journal.consistencyProof(previous.size(), checkpoint.size());
                assertThat(proof.verify(previous.root(), checkpoint.root())).isTrue();
                assertThat(proof.verify(checkpoint.root(), previous.root())).isFalse();
            }
            previous = checkpoint;
        }
    }

    @Test
    void refusesAJournalWhoseHashChainIsBroken() {
        JournalFixture fixture = new JournalFixture(6L, 30);
        List<JournalEntry> entries = new ArrayList<>(fixture.books.ledger().entries(1, 30));
        JournalEntry third = entries.get(2);
        entries.set(2, new JournalEntry(third.ledger(), third.sequence(), third.key(), third.kind(), third.actor(),
                "rewritten", third.metadata(), third.postedAt(), third.legs(), third.hash()));
        EntryFeed tampered = new EntryFeed() {
            @Override
            public long head() {
                return entries.size();
            }

            @Override
            public List<JournalEntry> entries(long from, long to) {
                return entries.subList((int) from - 1, (int) Math.min(to, entries.size()));
            }
        };
        MemoryJournal journal = new MemoryJournal(tampered, null, new CheckpointPolicy(10, Duration.ofMinutes(1)),
                fixture.books.clock());
        assertThatThrownBy(journal::catchUp).hasMessageContaining("entry 3 breaks the hash chain");
        assertThat(journal.size()).isEqualTo(2);
    }
}

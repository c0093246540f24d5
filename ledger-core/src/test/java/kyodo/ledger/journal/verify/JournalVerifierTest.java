package kyodo.ledger.journal.verify;

import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier over an export of the in-memory books, untouched and then tampered with in many ways. */
class JournalVerifierTest {
    private static JournalFixture fixture;
    private static String export;
    private static List<String> notes;

    @BeforeAll
    static void books() {
        fixture = new JournalFixture(20261125L, 420);
        export = fixture.export();
        notes = fixture.notes();
    }

    @Test
    void anUntouchedExportVerifiesAndSaysWhatWasChecked() {
        VerificationReport report = JournalFixture.verify(export, notes, fixture.keys());
        assertThat(report.failure()).isNull();
        assertThat(notes).hasSizeGreaterThanOrEqualTo(8);
        assertThat(String.join("\n", report.checked()))
                .contains("entries 1..420", "chain hash", "consistency proof", "account(s)", JournalFixture.ORIGIN);
    }

    @Test
    void aChangedAmountIsReportedAtItsSequence() {
        List<String> lines = JournalFixture.lines(export);
        int at = JournalFixture.lineOf(lines, 123);
        Matcher amount = Pattern.compile("\"amount\":(\\d+)").matcher(lines.get(at));
        assertThat(amount.find()).isTrue();
        long changed = Long.parseLong(amount.group(1)) + 1;
        lines.set(at, amount.replaceFirst("\"amount\":" + changed));
        VerificationReport report = JournalFixture.verify(JournalFixture.join(lines), notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(123);
        assertThat(report.failure().reason()).contains("chain hash");
    }

    @Test
    void aDeletedEntryIsReportedAtItsSequence() {
        List<String> lines = JournalFixture.lines(export);
        lines.remove(JournalFixture.lineOf(lines, 200));
        VerificationReport report = JournalFixture.verify(JournalFixture.join(lines), notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(200);
        assertThat(report.failure().reason()).contains("entry 200 is missing");
    }

    @Test
    void twoReorderedEntriesAreReportedAtTheFirst() {
        List<String> lines = JournalFixture.lines(export);
        int at = JournalFixture.lineOf(lines, 77);
        String first = lines.get(at);
        lines.set(at, lines.get(at + 1));
        lines.set(at + 1, first);
        VerificationReport report = JournalFixture.verify(JournalFixture.join(lines), notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(77);
        assertThat(report.failure().reason()).contains("out of order");
    }

    @Test
    void anAlteredCheckpointIsReportedAtItsTreeSize() {
        List<String> altered = new ArrayList<>(notes);
        String note = altered.get(3);
        String[] parts = note.split("\n");
        long size = Long.parseLong(parts[1]);
        char c = parts[2].charAt(5);
        parts[2] = parts[2].substring(0, 5) + (c == 'A' ? 'B' : 'A') + parts[2].substring(6);
        altered.set(3, String.join("\n", parts) + "\n");
        VerificationReport report = JournalFixture.verify(export, altered, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(size);
        assertThat(report.failure().reason()).contains("does not verify");
    }

    @Test
    void aRewrittenHistoryWithFreshHashesIsCaughtByTheNextCheckpoint() {
        // An insider who changes entry 123 and recomputes every later hash still cannot match the signed roots.
        JournalFixture other = new JournalFixture(99L, 420);
        VerificationReport report = JournalFixture.verify(other.export(), notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(25);
        assertThat(report.failure().reason()).contains("root");
    }

    @Test
    void entriesBeyondTheLastCheckpointPassTheChecksButAreReportedUncovered() throws Exception {
        // Entries past the last checkpoint are only checked against themselves: a rewrite there with fresh
        // hashes would pass, so the report says they are not covered instead of letting "no failure" speak.
        List<String> early = new ArrayList<>();
        for (String note : notes) {
            if (Checkpoint.parse(SignedNote.parse(note).text()).size() <= 125) {
                early.add(note);
            }
        }
        VerificationReport report = JournalFixture.verify(export, early, fixture.keys());
        assertThat(report.ok()).isTrue();
        assertThat(report.complete()).isFalse();
        assertThat(report.entries()).isEqualTo(420);
        assertThat(report.covered()).isEqualTo(125);
        assertThat(report.coveredRange()).isEqualTo("1..125");
        assertThat(report.uncoveredRange()).isEqualTo("126..420");
        assertThat(String.join("\n", report.checked())).contains("entries 126..420 are covered by no checkpoint");

        VerificationReport none = JournalFixture.verify(export, List.of(), fixture.keys());
        assertThat(none.complete()).isFalse();
        assertThat(none.coveredRange()).isEqualTo("none");
        assertThat(none.uncoveredRange()).isEqualTo("1..420");
    }

    @Test
    void oneKeyGivenAsAVkeyAndAsANamelessPemIsOneTrustedKey() {
        byte[] key = fixture.signer.verifierKey().publicKey();
        List<PublicKeyFile.Entry> twice = List.of(new PublicKeyFile.Entry(Optional.empty(), key),
                new PublicKeyFile.Entry(Optional.of(fixture.signer.verifierKey().name()), key),
                new PublicKeyFile.Entry(Optional.of(fixture.signer.verifierKey().name()), key));
        assertThat(PublicKeyFile.countKeys(twice)).isEqualTo(1);
        assertThat(PublicKeyFile.distinct(twice)).hasSize(1);
        assertThat(PublicKeyFile.distinct(twice).get(0).name()).isEmpty();
        assertThat(JournalFixture.verify(export, notes, twice).failure()).isNull();
    }

    @Test
    void aCheckpointSignedByAnUntrustedKeyIsRefused() {
        NoteSigner stranger = NoteSigner.fromSeed("kyodo.example/journal-1", new byte[32]);
        String forged = new CheckpointSigner(JournalFixture.ORIGIN, List.of(stranger))
                .sign(100, fixture.journal.root(100)).format();
        VerificationReport report = JournalFixture.verify(export, List.of(forged), fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(100);
        // Same name, other key: the key id differs, so no trusted key signed it.
        assertThat(report.failure().reason()).contains("no signature by a trusted key");
        VerificationReport wrongKey = JournalFixture.verify(export, notes, List.of(new PublicKeyFile.Entry(
                Optional.of("someone-else"), stranger.verifierKey().publicKey())));
        assertThat(wrongKey.failure().reason()).contains("no signature by a trusted key");
    }

    @Test
    void aNamelessPemKeyIsMatchedThroughTheKeyId() {
        VerificationReport report = JournalFixture.verify(export, notes, List.of(new PublicKeyFile.Entry(
                Optional.empty(), fixture.signer.verifierKey().publicKey())));
        assertThat(report.failure()).isNull();
    }

    @Test
    void changedAccountTotalsAreReported() {
        String changed = export.replaceFirst("\"creditsPosted\":(\\d+)", "\"creditsPosted\":999999999");
        VerificationReport report = JournalFixture.verify(changed, notes, fixture.keys());
        assertThat(report.failure().reason()).contains("recomputed from the legs");
    }

    @Test
    void aCutOffFileIsReported() {
        String cut = export.substring(0, export.length() - 40);
        VerificationReport report = JournalFixture.verify(cut, notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(420);
        assertThat(report.failure().reason()).containsAnyOf("cut off", "not a well-formed entry");
        String fewer = export.substring(0, export.lastIndexOf("{\"type\":\"entry\""));
        VerificationReport missing = JournalFixture.verify(fewer, notes, fixture.keys());
        assertThat(missing.failure().sequence()).isEqualTo(420);
        assertThat(missing.failure().reason()).contains("header says 420");
    }

    @Test
    void garbageAndHugeLinesGetAClearMessage() {
        List<String> lines = JournalFixture.lines(export);
        lines.set(JournalFixture.lineOf(lines, 10), "this is not json {");
        VerificationReport garbage = JournalFixture.verify(JournalFixture.join(lines), notes, fixture.keys());
        assertThat(garbage.failure().sequence()).isEqualTo(10);
        assertThat(garbage.failure().reason()).contains("line").contains("not a well-formed entry");

        List<String> huge = JournalFixture.lines(export);
        huge.set(JournalFixture.lineOf(huge, 11), "x".repeat(JournalVerifier.LINE_BYTES_MAX + 10));
        VerificationReport tooLong = JournalFixture.verify(JournalFixture.join(huge), notes, fixture.keys());
        assertThat(tooLong.failure().sequence()).isEqualTo(11);
        assertThat(tooLong.failure().reason()).contains("longer than");

        VerificationReport empty = JournalFixture.verify("", notes, fixture.keys());
        assertThat(empty.failure().reason()).contains("empty");
        VerificationReport binary = JournalFixture.verify("\u0000\u0001garbage\n", notes, fixture.keys());
        assertThat(binary.failure().reason()).contains("header");
    }

    @Test
    void aCheckpointBeyondTheExportIsReported() {
        List<String> lines = JournalFixture.lines(export);
        // The newest checkpoint is at 375; an export that stops at 359 and says so cannot satisfy it.
        List<String> shorter = new ArrayList<>(lines.subList(0, JournalFixture.lineOf(lines, 360)));
        shorter.set(0, shorter.get(0).replace("\"entries\":420", "\"entries\":359"));
        VerificationReport report = JournalFixture.verify(JournalFixture.join(shorter), notes, fixture.keys());
        assertThat(report.failure().sequence()).isEqualTo(360);
        assertThat(report.failure().reason()).contains("covers 375 entries");
    }
}

package kyodo.ledger.journal.note;

import kyodo.ledger.journal.checkpoint.NoteSigner;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signed-note format against the example of the reference implementation, golang.org/x/mod/sumdb/note
 * (its package documentation and note_test.go): the PeterNeumann key pair and note. Ed25519 is deterministic,
 * so signing that text with that key must give the published note byte for byte, which a standard verifier
 * (Go's note.Open) accepts.
 */
class SignedNoteTest {
    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static NoteSigner peterNeumann() {
        String[] parts = SKEY.split("\\+", 5);
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        assertThat(typed[0]).isEqualTo(VerifierKey.ALGORITHM_ED25519);
        return NoteSigner.fromSeed(parts[2], Arrays.copyOfRange(typed, 1, typed.length));
    }

    @Test
    void keyIdAndVkeyFollowTheGoRule() throws Exception {
        VerifierKey key = VerifierKey.parseVkey(VKEY);
        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.idHex()).isEqualTo("c74f20a3");
        assertThat(VerifierKey.keyId("PeterNeumann", key.publicKey())).isEqualTo(0xc74f20a3);
        assertThat(key.vkey()).isEqualTo(VKEY);
        assertThat(peterNeumann().verifierKey()).isEqualTo(key);
    }

    @Test
    void signingReproducesTheReferenceNoteByteForByte() {
        NoteSigner signer = peterNeumann();
        SignedNote note = new SignedNote(TEXT, List.of(signer.signText(TEXT)));
        assertThat(note.format()).isEqualTo(NOTE);
    }

    @Test
    void theReferenceNoteVerifiesWithTheJdkVerifier() throws Exception {
        SignedNote note = SignedNote.parse(NOTE);
        assertThat(note.text()).isEqualTo(TEXT);
        SignedNote.Verification verification = note.verify(List.of(VerifierKey.parseVkey(VKEY)));
        assertThat(verification.verified()).isTrue();
        assertThat(verification.signedBy()).extracting(VerifierKey::name).containsExactly("PeterNeumann");
    }

    @Test
    void anAlteredTextFailsAndAnUnknownKeyIsIgnored() throws Exception {
        SignedNote altered = SignedNote.parse(NOTE.replace("cryptography", "cryptographY"));
        SignedNote.Verification verification = altered.verify(List.of(VerifierKey.parseVkey(VKEY)));
        assertThat(verification.verified()).isFalse();
        assertThat(verification.failedKey()).isNotNull();
        VerifierKey stranger = NoteSigner.fromSeed("Stranger", new byte[32]).verifierKey();
        SignedNote.Verification unknown = SignedNote.parse(NOTE).verify(List.of(stranger));
        assertThat(unknown.verified()).isFalse();
        assertThat(unknown.failedKey()).isNull();
        assertThat(unknown.signedBy()).isEmpty();
    }

    @Test
    void aVkeyWithAWrongIdOrTypeIsRefused() {
        assertThatThrownBy(() -> VerifierKey.parseVkey(VKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(NoteFormatException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> VerifierKey.parseVkey("PeterNeumann+c74f20a3+AhpjZA=="))
                .isInstanceOf(NoteFormatException.class);
        assertThatThrownBy(() -> VerifierKey.parseVkey("garbage")).isInstanceOf(NoteFormatException.class);
    }

    @Test
    void malformedNotesAreRefusedWithAReason() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n-- PeterNeumann AAAA\n")).hasMessageContaining("em dash");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n\u2014 PeterNeumann !!!\n")).hasMessageContaining("base64");
        assertThatThrownBy(() -> SignedNote.parse("a\tb\n\n\u2014 x AAAAAAA=\n")).hasMessageContaining("control");
        assertThatThrownBy(() -> SignedNote.parse("x".repeat(SignedNote.NOTE_BYTES_MAX + 1)))
                .hasMessageContaining("longer");
    }

    @Test
    void checkpointBodiesRoundTrip() throws Exception {
        Checkpoint checkpoint = new Checkpoint("kyodo.example/ledger/1", 42, new byte[32]);
        assertThat(checkpoint.body()).isEqualTo("kyodo.example/ledger/1\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parse("o\n042\nAAAA\n")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\nAAAA\n")).hasMessageContaining("32");
    }
}

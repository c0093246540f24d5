package kyodo.ledger.journal.note;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** C2SP tlog-cosignature/v1 as the spec writes it: its example line, its signed message, its key id and vkey. */
class CosignatureTest {
    /** The checkpoint and cosigned note of the example in C2SP tlog-cosignature. */
    private static final String SPEC_EXAMPLE = "example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gG"
            + "zGku9nTo+zyWE+xeMcTOAYQ8=\n"
            + "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1"
            + "nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

    @Test
    void readsTheSpecsExampleLineAsKeyIdTimestampAndSignature() throws Exception {
        SignedNote note = SignedNote.parse(SPEC_EXAMPLE);
        NoteSignature line = note.signatures().get(1);
        Cosignature cosignature = Cosignature.of(line).orElseThrow();
        // The spec's signed message for this example says "time 1679315147".
        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        assertThat(cosignature.keyName()).isEqualTo("witness.example.com/w1");
        assertThat(cosignature.noteSignature()).isEqualTo(line);
        assertThat(Cosignature.of(note.signatures().get(0))).as("a log's own signature is no cosignature").isEmpty();
        assertThat(new String(Cosignature.message(note.text(), 1679315147L), StandardCharsets.UTF_8)).isEqualTo("""
                cosignature/v1
                time 1679315147
                example.com/behind-the-sofa
                20852163
                CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
                """);
    }

    @Test
    void aCosignerKeyIsTypeFourAndVerifiesWhatTheJdkSigned() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        CosignerKey key = CosignerKey.of("news.example/witness",
                VerifierKey.rawFromSpki(pair.getPublic().getEncoded()));
        assertThat(key.id()).isEqualTo(VerifierKey.keyId(key.name(), (byte) 0x04, key.publicKey()))
                .isNotEqualTo(VerifierKey.keyId(key.name(), key.publicKey()));
        assertThat(CosignerKey.parseVkey(key.vkey())).isEqualTo(key);
        assertThat(key.vkey()).startsWith("news.example/witness+" + key.idHex() + "+");
        byte[] typed = java.util.Base64.getDecoder().decode(key.vkey().split("\\+", 3)[2]);
        assertThat(typed[0]).isEqualTo((byte) 0x04);

        String body = "kyodo.example/ledger/1\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(Cosignature.message(body, 1700000000L));
        Cosignature cosignature = new Cosignature(key.name(), key.id(), 1700000000L, signer.sign());
        assertThat(key.verify(body, cosignature)).isTrue();
        assertThat(key.verify(body, new Cosignature(key.name(), key.id(), 1700000001L, cosignature.signature())))
                .as("the timestamp is signed").isFalse();
        SignedNote round = SignedNote.parse(new SignedNote(body, List.of(cosignature.noteSignature())).format());
        assertThat(Cosignature.of(round.signatures().get(0))).contains(cosignature);
    }
}

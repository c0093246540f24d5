package kyodo.wallet.log;

import com.jayway.jsonpath.JsonPath;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.PublicKeyFile;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A third party reading the public log over HTTP, without signing in, and checking what it gets with
 * ledger-core's own verification code: the served keys, the signed note, the entry's canonical bytes and the
 * RFC 9162 proofs. Nothing here trusts the server's own "verified" claims.
 */
record LogClient(MockMvc mvc) {
    String text(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The served keys, as the verifier's {@code --keys} reads them. */
    List<VerifierKey> keys() throws Exception {
        List<VerifierKey> keys = new ArrayList<>();
        for (PublicKeyFile.Entry entry : PublicKeyFile.parse(text("/.well-known/kyodo-log-keys"))) {
            keys.add(VerifierKey.of(entry.name().orElseThrow(), entry.publicKey()));
        }
        return keys;
    }

    /** The checkpoint of {@code size} (latest when null), after checking its signature with the served keys. */
    Checkpoint verifiedCheckpoint(Long size) throws Exception {
        String note = text(size == null ? "/log/checkpoint" : "/log/checkpoint?size=" + size);
        return verified(note);
    }

    Checkpoint verified(String note) throws Exception {
        SignedNote signed = SignedNote.parse(note);
        assertThat(signed.verify(keys()).verified()).as("signature of\n" + note).isTrue();
        return Checkpoint.parse(signed.text());
    }

    /** The leaf hash a reader computes from a public entry's canonical bytes, as served. */
    byte[] leafOf(long sequence) throws Exception {
        String json = text("/log/entries/" + sequence + ".json");
        byte[] canonical = Base64.getDecoder().decode((String) JsonPath.read(json, "$.canonical"));
        return new MerkleHash().leaf(canonical);
    }

    /** Whether the served inclusion proof of {@code sequence} leads from {@code leaf} to the checkpoint's root. */
    boolean inclusionVerifies(long sequence, byte[] leaf, Checkpoint checkpoint) throws Exception {
        String json = text("/log/entries/" + sequence + "/inclusion?size=" + checkpoint.size());
        List<String> hashes = JsonPath.read(json, "$.hashes");
        long treeSize = ((Number) JsonPath.read(json, "$.treeSize")).longValue();
        return treeSize == checkpoint.size() && MerkleProofs.verifyInclusion(sequence - 1, treeSize, leaf,
                decode(hashes), checkpoint.root());
    }

    static List<byte[]> decode(List<String> base64) {
        return base64.stream().map(Base64.getDecoder()::decode).toList();
    }
}

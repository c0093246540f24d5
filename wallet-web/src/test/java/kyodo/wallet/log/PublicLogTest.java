package kyodo.wallet.log;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.donation.DonationDesk;
import kyodo.ledger.CanonicalEncoding;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.journal.export.ExportFormat;
import kyodo.ledger.journal.export.ExportedEntry;
import kyodo.ledger.journal.merkle.MerkleHash;
import kyodo.ledger.journal.merkle.MerkleProofs;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.wallet.WalletWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The public log over HTTP, without sign-in: what it serves verifies with ledger-core's verification code. */
class PublicLogTest extends WalletWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JournalFollower follower;
    @Autowired
    DonationDesk donations;

    private LogClient client() {
        return new LogClient(mvc);
    }

    /** Records {@code count} donations (public fund entries) and lets the journal catch up and checkpoint. */
    private long growAndCheckpoint(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            donations.record(demo("staff").actor(), new DonationDesk.Form("COMPANY", "公開台帳試験株式会社", "", 1_000L + i,
                    "general", false, false), new DonationDesk.Arrival("CASH", null, null));
        }
        return follower.catchUp();
    }

    /**
     * The leaf of an entry as a reader gets it: a fund entry's from the served canonical bytes; a points entry's
     * contents are not served, so from what its holder has (here the ledger).
     */
    private byte[] leaf(long sequence) throws Exception {
        JournalEntry entry = ledger.entry(sequence).orElseThrow();
        if (PublicLog.isPublic(entry)) {
            return client().leafOf(sequence);
        }
        assertThat(mvc.perform(get("/log/entries/" + sequence + ".json")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        return new MerkleHash().leaf(CanonicalEncoding.encode(entry));
    }

    @Test
    void theLatestCheckpointIsASignedNoteThatTheServedKeysVerify() throws Exception {
        long size = growAndCheckpoint(1);

        var response = mvc.perform(get("/log/checkpoint")).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/plain");
        Checkpoint checkpoint = client().verified(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(size);

        String json = client().text("/log/checkpoint.json");
        assertThat(((Number) JsonPath.read(json, "$.treeSize")).longValue()).isEqualTo(checkpoint.size());
        assertThat(Base64.getDecoder().decode((String) JsonPath.read(json, "$.rootHash"))).isEqualTo(checkpoint.root());
        assertThat((String) JsonPath.read(json, "$.origin")).isEqualTo(checkpoint.origin());

        // The JSON key list and the well-known text name the same keys, in both formats.
        List<VerifierKey> served = client().keys();
        List<String> vkeys = JsonPath.read(client().text("/log/keys.json"), "$.keys[*].vkey");
        assertThat(vkeys).isNotEmpty();
        for (String vkey : vkeys) {
            assertThat(served).contains(VerifierKey.parseVkey(vkey));
        }
        assertThat(client().text("/.well-known/kyodo-log-keys")).contains("-----BEGIN PUBLIC KEY-----")
                .contains("vkey: " + vkeys.get(0));
    }

    @Test
    void inclusionProofsOverHttpVerifyAgainstTheLatestAndAnOlderCheckpoint() throws Exception {
        long older = growAndCheckpoint(2);
        long newer = growAndCheckpoint(3);
        Checkpoint olderCheckpoint = client().verifiedCheckpoint(older);
        Checkpoint latest = client().verifiedCheckpoint(null);
        assertThat(latest.size()).isGreaterThanOrEqualTo(newer);

        for (long sequence : new long[] {1, older / 2 + 1, older, newer}) {
            byte[] leaf = leaf(sequence);
            assertThat(client().inclusionVerifies(sequence, leaf, latest)).as("entry " + sequence).isTrue();
            if (sequence <= older) {
                assertThat(client().inclusionVerifies(sequence, leaf, olderCheckpoint)).as("entry " + sequence)
                        .isTrue();
            }
        }
        // Without a size the proof is against the latest checkpoint, whose note comes with it.
        String json = client().text("/log/entries/" + newer + "/inclusion");
        assertThat(client().verified(JsonPath.read(json, "$.checkpoint"))).isEqualTo(latest);
        // A proof for another leaf does not pass for this one.
        List<String> hashes = JsonPath.read(json, "$.hashes");
        assertThat(MerkleProofs.verifyInclusion(newer - 1, latest.size(), leaf(newer - 1),
                LogClient.decode(hashes), latest.root())).isFalse();
    }

    @Test
    void anEntrysDecodedJsonEncodesBackToItsCanonicalBytes() throws Exception {
        long size = growAndCheckpoint(1);

        String json = client().text("/log/entries/" + size + ".json");

        byte[] canonical = Base64.getDecoder().decode((String) JsonPath.read(json, "$.canonical"));
        assertThat(((Number) JsonPath.read(json, "$.entry.sequence")).longValue()).isEqualTo(size);
        // The entry exactly as served (key order and numbers untouched), read as the export reader reads a line.
        String line = new tools.jackson.databind.json.JsonMapper().readTree(json).get("entry").toString();
        ExportedEntry exported = ExportFormat.readEntry(line);
        assertThat(CanonicalEncoding.encode(exported.entry())).isEqualTo(canonical);
        assertThat(exported.leafHash()).isEqualTo(Base64.getDecoder().decode((String) JsonPath.read(json, "$.leafHash")));
    }

    @Test
    void aPointsEntrysContentsAreNotServedButItsInclusionIsProved() throws Exception {
        resident(25);
        long sequence = follower.catchUp();
        JournalEntry entry = ledger.entry(sequence).orElseThrow();
        assertThat(PublicLog.isPublic(entry)).isFalse();

        var json = mvc.perform(get("/log/entries/" + sequence + ".json")).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(404);
        assertThat((String) JsonPath.read(json.getContentAsString(StandardCharsets.UTF_8), "$.code"))
                .isEqualTo("ENTRY_NOT_PUBLIC");
        var page = mvc.perform(get("/log/entries/" + sequence)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("この記帳の内容は公開されていません")
                .doesNotContain(entry.key().value());
        byte[] leaf = new MerkleHash().leaf(CanonicalEncoding.encode(entry));
        assertThat(client().inclusionVerifies(sequence, leaf, client().verifiedCheckpoint(null))).isTrue();
    }

    @Test
    void consistencyProofsBetweenServedCheckpointsVerify() throws Exception {
        long first = growAndCheckpoint(1);
        long second = growAndCheckpoint(2);
        Checkpoint a = client().verifiedCheckpoint(first);
        Checkpoint b = client().verifiedCheckpoint(second);

        String json = client().text("/log/consistency?first=" + first + "&second=" + second);

        List<String> hashes = JsonPath.read(json, "$.hashes");
        assertThat(MerkleProofs.verifyConsistency(first, second, LogClient.decode(hashes), a.root(), b.root()))
                .isTrue();
        assertThat(MerkleProofs.verifyConsistency(first, second, LogClient.decode(hashes), b.root(), a.root()))
                .isFalse();
        String same = client().text("/log/consistency?first=" + second + "&second=" + second);
        assertThat((List<?>) JsonPath.read(same, "$.hashes")).isEmpty();
    }

    @Test
    void badInputIsAProblemInJapaneseAndEnglishAndNeverA500() throws Exception {
        long size = growAndCheckpoint(1);
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("/log/entries/abc/inclusion", 400);
        cases.put("/log/entries/-1/inclusion", 400);
        cases.put("/log/entries/0/inclusion", 400);
        cases.put("/log/entries/1/inclusion?size=0", 400);
        cases.put("/log/entries/1/inclusion?size=x", 400);
        cases.put("/log/entries/" + (size + 1) + "/inclusion?size=" + size, 400);
        cases.put("/log/entries/1/inclusion?size=999999999999", 404);
        cases.put("/log/entries/abc.json", 400);
        cases.put("/log/entries/-5.json", 400);
        cases.put("/log/entries/1234567890123456789012.json", 400);
        cases.put("/log/entries/999999999999.json", 404);
        cases.put("/log/consistency?first=0&second=1", 400);
        cases.put("/log/consistency?first=2&second=1", 400);
        cases.put("/log/consistency?first=x&second=1", 400);
        cases.put("/log/consistency?second=1", 400);
        cases.put("/log/consistency?first=1&second=999999999999", 404);
        cases.put("/log/checkpoint.json?size=0", 400);
        cases.put("/log/checkpoint.json?size=-3", 400);
        cases.put("/log/checkpoint.json?size=999999999999", 404);
        for (var c : cases.entrySet()) {
            var response = mvc.perform(get(c.getKey()).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
            assertThat(response.getStatus()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(response.getContentType()).as(c.getKey()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            String ja = JsonPath.read(body, "$.message_ja");
            String en = JsonPath.read(body, "$.message_en");
            assertThat(ja).as(c.getKey()).isNotBlank().isNotEqualTo(en).doesNotStartWith("log.error");
            assertThat(en).as(c.getKey()).isNotBlank().doesNotStartWith("log.error");
            assertThat((String) JsonPath.read(body, "$.code")).as(c.getKey()).isNotBlank();
        }
        // The text checkpoint answers a bad size the same way.
        var text = mvc.perform(get("/log/checkpoint?size=zero")).andReturn().getResponse();
        assertThat(text.getStatus()).isEqualTo(400);
    }

    @Test
    void theEntryPageShowsTheEntryItsProofTheCheckpointAndHowToVerifyInBothLanguages() throws Exception {
        long size = growAndCheckpoint(1);

        String ja = client().text("/log/entries/" + size);
        assertThat(ja).contains("記帳 " + size + " の証明").contains("包含証明").contains("署名付きチェックポイント")
                .contains("誰でもできる確かめ方").contains("java -jar ledger-core-0.1.0-SNAPSHOT.jar verify")
                .contains("id=\"proof-verified\"").contains(BASE_URL + "/.well-known/kyodo-log-keys");
        String en = mvc.perform(get("/log/entries/" + size).param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Proof of journal entry " + size).contains("Inclusion proof")
                .contains("How anyone can verify");
        assertThat(client().text("/log")).contains("公開台帳の検証").contains("curl -o kyodo-log-keys.txt").contains("curl -o checkpoint.txt");
    }

    @Test
    void theEntryPageAnswersBadSequenceNumbersWithAReadableMessage() throws Exception {
        var bad = mvc.perform(get("/log/entries/abc")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("入力内容に誤りがあります");
        var missing = mvc.perform(get("/log/entries/999999999999").param("lang", "en")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("That entry was not found.");
    }
}

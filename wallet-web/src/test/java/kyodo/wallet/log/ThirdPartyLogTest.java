package kyodo.wallet.log;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.donation.Donation;
import kyodo.fund.donation.DonationDesk;
import kyodo.fund.receipt.Receipts;
import kyodo.ledger.Account;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Ledger;
import kyodo.ledger.Leg;
import kyodo.ledger.PostResult;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.SignedNote;
import kyodo.ledger.journal.note.VerifierKey;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import kyodo.ledger.journal.witness.WitnessCommand;
import kyodo.ledger.journal.witness.WitnessKey;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.TestSetup;
import kyodo.wallet.user.Registrar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The log as a third party follows it, on an application of its own with an empty ledger, so that its tree
 * reaches exactly the sizes an implementation's edge cases sit at. Go's transparency-log code
 * (golang.org/x/mod/sumdb/tlog, which Kyodo did not write) reads the served tiles and must compute the signed
 * roots and the same inclusion and consistency proofs the log serves, at 1, 255, 256, 257 and 100,000 leaves.
 * Then the witness command of ledger-core's jar follows the running log for three checkpoints, and the public
 * pages, the fund report and a receipt say how many witnesses cosigned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThirdPartyLogTest {
    private static final TestDatabase DATABASE = TestDatabase.create("wallet_third_party_log");
    private static final Path KEYS = TestSetup.keysDirectory("kyodo-third-party-log");
    private static final WitnessKey NEWSPAPER = witnessKey("newspaper.key", "news.example/kyodo-witness");
    private static final WitnessKey NEIGHBOUR = witnessKey("neighbour.key", "next-ward.example/witness");
    private static final long[] SIZES = {1, 255, 256, 257, 100_000};
    private static final String GO_PACKAGE = "/usr/share/gocode/src/golang.org/x/mod/sumdb/tlog";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> "https://kyodo.example");
        registry.add("kyodo.demo.enabled", () -> "false");
        registry.add("kyodo.points.expiry-scheduled", () -> "false");
        registry.add("kyodo.journal.keys-directory", () -> KEYS.resolve("journal").toString());
        // The test moves the tree itself, to exact sizes, and every growth is checkpointed.
        registry.add("kyodo.journal.follow-interval", () -> "1h");
        registry.add("kyodo.journal.checkpoint-entries", () -> "1");
        registry.add("kyodo.journal.witnesses", () -> NEWSPAPER.cosignerKey().vkey() + ","
                + NEIGHBOUR.cosignerKey().vkey());
    }

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    JournalFollower follower;
    @Autowired
    PostgresJournal journal;
    @Autowired
    PublicLog log;
    @Autowired
    DonationDesk donations;
    @Autowired
    Receipts receipts;
    @Autowired
    Registrar registrar;

    private static WitnessKey witnessKey(String file, String name) {
        try {
            return WitnessKey.create(KEYS.resolve("witnesses").resolve(file), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fund staff member to record the donation (this test runs without the demo's users). */
    private Actor staff() {
        return registrar.createUser("third-party-staff", "立会試験 職員", "third-party-staff-pass", Role.STAFF)
                .user().actor();
    }

    private String prefix() {
        return "http://127.0.0.1:" + port + "/log";
    }

    /** Posts entries until the journal holds {@code size}, every fifth a fund entry (public), then checkpoints. */
    private void growTo(long size) throws Exception {
        Account source = ledger.account("third-party:source").orElseGet(() -> ledger.open(AccountSpec.unclassified(
                "third-party:source", Asset.PT, AccountKind.EQUITY)).orThrow());
        Account sink = ledger.account("third-party:sink").orElseGet(() -> ledger.open(AccountSpec.unclassified(
                "third-party:sink", Asset.PT, AccountKind.LIABILITY)).orThrow());
        long head = ledger.head().sequence();
        while (head < size) {
            List<EntryRequest> batch = new ArrayList<>();
            for (long n = head + 1; n <= Math.min(size, head + 2000); n++) {
                String key = (n % 5 == 0 ? "fund-third-party:" : "third-party:") + n;
                batch.add(EntryRequest.of(key, EntryKind.TRANSFER, "test", Leg.transfer(source.id(), sink.id(),
                        Amount.pt(1))));
            }
            for (PostResult result : ledger.postAll(batch)) {
                assertThat(result.onTheBooks()).as(result.toString()).isTrue();
            }
            head = ledger.head().sequence();
        }
        assertThat(head).isEqualTo(size);
        assertThat(follower.catchUp()).isEqualTo(size);
        assertThat(journal.checkpoint(size)).as("a checkpoint at " + size).isPresent();
    }

    private String text(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private VerifierKey logKey() {
        List<VerifierKey> keys = log.keys();
        assertThat(keys).extracting(VerifierKey::name).as("a new log's key is named after its origin")
                .containsExactly(log.origin());
        return keys.get(0);
    }

    @Test
    @Order(1)
    void goComputesTheSignedRootsAndTheLogsProofsFromTheServedTiles() throws Exception {
        assertThat(ledger.head().sequence()).as("this application's ledger starts empty").isZero();
        for (long size : SIZES) {
            growTo(size);
        }
        List<String> arguments = new ArrayList<>(List.of(prefix(), logKey().vkey()));
        for (long size : SIZES) {
            arguments.add(String.valueOf(size));
        }
        List<String> results = runGo(arguments);
        assertThat(results).hasSize(SIZES.length);
        for (String result : results) {
            long size = ((Number) JsonPath.read(result, "$.size")).longValue();
            StoredCheckpoint checkpoint = journal.checkpoint(size).orElseThrow();
            assertThat((String) JsonPath.read(result, "$.root")).as("root at " + size)
                    .isEqualTo(Base64.getEncoder().encodeToString(checkpoint.root()));
            Map<String, List<String>> inclusion = JsonPath.read(result, "$.inclusion");
            assertThat(inclusion).isNotEmpty();
            for (Map.Entry<String, List<String>> proof : inclusion.entrySet()) {
                List<String> served = JsonPath.read(text("/log/entries/" + proof.getKey() + "/inclusion?size="
                        + size), "$.hashes");
                assertThat(served).as("inclusion of " + proof.getKey() + " in " + size).isEqualTo(proof.getValue());
            }
            Map<String, List<String>> consistency = JsonPath.read(result, "$.consistency");
            assertThat(consistency).hasSize((int) java.util.Arrays.stream(SIZES).filter(s -> s < size).count());
            for (Map.Entry<String, List<String>> proof : consistency.entrySet()) {
                List<String> served = JsonPath.read(text("/log/consistency?first=" + proof.getKey() + "&second="
                        + size), "$.hashes");
                assertThat(served).as("consistency " + proof.getKey() + " -> " + size).isEqualTo(proof.getValue());
            }
            if (size == 100_000) {
                assertThat(((Number) JsonPath.read(result, "$.publicEntries")).intValue()).isPositive();
                assertThat(((Number) JsonPath.read(result, "$.withheldEntries")).intValue()).isPositive();
            }
        }
    }

    @Test
    @Order(2)
    void tilesAreCachedForAYearAndAMissingOneIsNotCached() throws Exception {
        MockHttpServletResponse full = mvc.perform(get("/log/tile/0/000")).andReturn().getResponse();
        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getContentType()).isEqualTo("application/octet-stream");
        assertThat(full.getContentAsByteArray()).hasSize(8192);
        assertThat(full.getHeader("Cache-Control")).contains("max-age=31536000", "public", "immutable");
        assertThat(mvc.perform(get("/log/tile/2/000.p/1")).andReturn().getResponse().getContentAsByteArray())
                .hasSize(32);
        assertThat(mvc.perform(get("/log/tile/entries/001")).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        MockHttpServletResponse missing = mvc.perform(get("/log/tile/0/x999/999")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).contains("problem+json");
        assertThat(missing.getHeader("Cache-Control")).contains("no-store");
        MockHttpServletResponse malformed = mvc.perform(get("/log/tile/0/1234")).andReturn().getResponse();
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("not a C2SP tile path");
    }

    @Test
    @Order(3)
    void aWitnessCosignsThreeSuccessiveCheckpointsOfTheRunningLog() throws Exception {
        Path logKeys = KEYS.resolve("kyodo-log-keys");
        Files.writeString(logKeys, text("/.well-known/kyodo-log-keys"));
        Donation donation = donations.record(staff(), new DonationDesk.Form("COMPANY", "立会試験株式会社", "",
                10_000L, "general", false, false), new DonationDesk.Arrival("CASH", null, null));
        List<Long> cosigned = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long size = ledger.head().sequence() + 3;
            growTo(size);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            // No --origin: the log's key is named after its origin.
            int status = WitnessCommand.run(new String[] {"witness", "--log", prefix(), "--log-key",
                    logKeys.toString(), "--key", KEYS.resolve("witnesses/newspaper.key").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(said).isEqualTo(WitnessCommand.COSIGNED);
            assertThat(said).contains("cosigned tree size " + size, "stored 1 cosignature(s) of tree size " + size);
            cosigned.add(size);
        }

        // The checkpoint is served with the cosignature, which verifies as C2SP cosignature/v1.
        SignedNote note = SignedNote.parse(text("/log/checkpoint"));
        assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(cosigned.get(2));
        assertThat(note.verify(List.of(logKey())).verified()).isTrue();
        NoteSignature line = note.signatures().stream().filter(s -> s.keyName().equals("news.example/kyodo-witness"))
                .findFirst().orElseThrow();
        assertThat(NEWSPAPER.cosignerKey().verify(note.text(), Cosignature.of(line).orElseThrow())).isTrue();
        // And with Go's crypto/ed25519, the message built from the C2SP text rather than from our code.
        List<String> checked = runGo(List.of("cosignature", prefix(), NEWSPAPER.cosignerKey().vkey()));
        assertThat(checked).hasSize(1);
        assertThat(JsonPath.<String>read(checked.get(0), "$.witness")).isEqualTo("news.example/kyodo-witness");
        assertThat(((Number) JsonPath.read(checked.get(0), "$.timestamp")).longValue())
                .isEqualTo(Cosignature.of(line).orElseThrow().timestamp());
        String history = text("/log/checkpoints.json?limit=3");
        assertThat(JsonPath.<List<Integer>>read(history, "$.checkpoints[*].treeSize")).containsExactly(
                cosigned.get(2).intValue(), cosigned.get(1).intValue(), cosigned.get(0).intValue());
        assertThat(JsonPath.<List<Integer>>read(history, "$.checkpoints[*].witnesses")).containsExactly(1, 1, 1);
        assertThat(JsonPath.<String>read(history, "$.next")).isEqualTo("/log/checkpoints.json?before="
                + cosigned.get(0) + "&limit=3");

        // The neighbouring ward cosigns the same checkpoint: two independent witnesses.
        String body = note.text();
        String byNeighbour = new SignedNote(body, List.of(NEIGHBOUR.cosign(body, Instant.now().getEpochSecond())
                .noteSignature())).format();
        assertThat(mvc.perform(post("/log/cosignatures").contentType("text/plain").content(byNeighbour))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        MockHttpServletResponse again = mvc.perform(post("/log/cosignatures").contentType("text/plain")
                .content(byNeighbour)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("already stored");
        assertThat(JsonPath.<Integer>read(text("/log/checkpoints.json?limit=1"), "$.checkpoints[0].witnesses"))
                .isEqualTo(2);

        // Public pages, the fund report and the receipt say how many witnesses cosigned.
        assertThat(text("/log")).contains("2 者の独立した立会人");
        assertThat(text("/log/checkpoints")).contains("チェックポイントの履歴",
                String.valueOf(cosigned.get(2)));
        assertThat(text("/fund/report")).contains("id=\"checkpoint-witnesses\"", "独立した立会人 2 者");
        assertThat(mvc.perform(get("/fund/report").param("lang", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("who cosigned this checkpoint: 2");
        try (PDDocument pdf = Loader.loadPDF(receipts.receipt(donation))) {
            String receipt = new PDFTextStripper().getText(pdf);
            assertThat(receipt).contains("独立した立会人 2 者", "cosigned by 2 independent witness(es)");
        }
    }

    @Test
    @Order(4)
    void theLogRefusesCosignaturesThatAreNotByItsWitnessesOrNotOfItsCheckpoints() throws Exception {
        String body = SignedNote.parse(text("/log/checkpoint")).text();
        WitnessKey stranger = WitnessKey.create(KEYS.resolve("witnesses/stranger.key"), "stranger.example/w");
        String byStranger = new SignedNote(body, List.of(stranger.cosign(body, Instant.now().getEpochSecond())
                .noteSignature())).format();
        MockHttpServletResponse unknown = mvc.perform(post("/log/cosignatures").contentType("text/plain")
                .content(byStranger)).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(403);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("COSIGNATURE_NO_KNOWN_WITNESS");

        Checkpoint latest = Checkpoint.parse(body);
        byte[] otherRoot = latest.root();
        otherRoot[0] ^= 1;
        String forged = new Checkpoint(latest.origin(), latest.size(), otherRoot).body();
        MockHttpServletResponse notOurs = mvc.perform(post("/log/cosignatures").contentType("text/plain").content(
                new SignedNote(forged, List.of(NEWSPAPER.cosign(forged, Instant.now().getEpochSecond())
                        .noteSignature())).format())).andReturn().getResponse();
        assertThat(notOurs.getStatus()).isEqualTo(404);
        assertThat(notOurs.getContentAsString(StandardCharsets.UTF_8)).contains("COSIGNATURE_UNKNOWN_CHECKPOINT");

        MockHttpServletResponse garbage = mvc.perform(post("/log/cosignatures").contentType("text/plain")
                .content("hello")).andReturn().getResponse();
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(garbage.getContentType()).contains("problem+json");
    }

    /**
     * Runs the Go program in the test resources with Debian's packaged x/mod, offline (GOPATH mode: nothing is
     * downloaded). A machine without Go fails here, with what to install, rather than skipping.
     */
    private static List<String> runGo(List<String> arguments) throws Exception {
        Path go = Path.of("/usr/bin/go");
        if (!Files.isExecutable(go)) {
            fail("Go is missing: install Debian's golang-go and golang-golang-x-mod-dev (apt-get install golang-go "
                    + "golang-golang-x-mod-dev); this test checks the tiles with Go's sumdb/tlog");
        }
        if (!Files.isDirectory(Path.of(GO_PACKAGE))) {
            fail(GO_PACKAGE + " is missing: install Debian's golang-golang-x-mod-dev");
        }
        Path dir = Files.createTempDirectory("tlog-check");
        try (InputStream source = ThirdPartyLogTest.class.getResourceAsStream("/tlog-check/main.go")) {
            assertThat(source).as("tlog-check/main.go in the test resources").isNotNull();
            Files.copy(source, dir.resolve("main.go"));
        }
        List<String> command = new ArrayList<>(List.of(go.toString(), "run", "main.go"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("GO111MODULE", "off");
        env.put("GOPATH", "/usr/share/gocode");
        env.put("GOFLAGS", "");
        env.put("GOPROXY", "off");
        env.put("GOCACHE", dir.resolve("cache").toString());
        env.putIfAbsent("HOME", dir.toString());
        Process process = builder.start();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drain.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("go run finished").isTrue();
        drain.join();
        assertThat(process.exitValue()).as("go run: " + errors.toString(StandardCharsets.UTF_8)).isZero();
        return output.lines().filter(l -> !l.isBlank()).toList();
    }
}

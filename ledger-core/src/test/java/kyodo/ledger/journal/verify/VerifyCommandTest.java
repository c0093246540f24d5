package kyodo.ledger.journal.verify;

import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.checkpoint.KeyDirectory;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.note.VerifierKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The verify command as people run it: files in, a plain report out, an exit status, never a stack trace. */
class VerifyCommandTest {
    @TempDir
    static Path dir;
    private static JournalFixture fixture;
    private static Path export;
    private static Path checkpoints;
    private static Path publicKey;
    private static Path vkey;
    /** An export whose last entry is the last checkpoint's: every entry covered. */
    private static Path coveredExport;

    @BeforeAll
    static void files() throws Exception {
        fixture = new JournalFixture(7L, 130);
        export = dir.resolve("export.jsonl");
        Files.writeString(export, fixture.export());
        checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        List<String> notes = fixture.notes();
        for (int i = 0; i < notes.size(); i++) {
            Files.writeString(checkpoints.resolve("checkpoint-" + i + ".txt"), notes.get(i));
        }
        VerifierKey key = fixture.signer.verifierKey();
        publicKey = dir.resolve("journal.pub");
        Files.writeString(publicKey, "Key name: " + key.name() + "\n-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.spki())
                + "\n-----END PUBLIC KEY-----\n");
        vkey = dir.resolve("journal.vkey");
        Files.writeString(vkey, key.vkey() + "\n");
        coveredExport = dir.resolve("covered.jsonl");
        Files.writeString(coveredExport, new JournalFixture(7L, 125).export());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verifiesAnExportThatItsCheckpointsCoverCompletely() {
        Run run = run("verify", "--journal", coveredExport.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("checked: entries 1..125", "checked: 3 checkpoint(s)",
                "covered: entries 1..125", "not covered: no entries", "OK (");
        assertThat(run(("verify --journal " + coveredExport + " --checkpoints " + checkpoints + " --keys " + vkey)
                .split(" ")).status()).isEqualTo(Main.OK);
    }

    @Test
    void refusesAnExportWithEntriesBeyondItsCheckpointsAndNamesTheRange() {
        Run run = run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(run.out()).contains("checked: entries 1..130", "covered: entries 1..125",
                "not covered: entries 126..130", "INCOMPLETE: entries 126..130");
        assertThat(run.out()).doesNotContain("\nOK");

        Run allowed = run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString(), "--allow-uncovered");
        assertThat(allowed.status()).as(allowed.out() + allowed.err()).isEqualTo(Main.OK);
        assertThat(allowed.out()).contains("not covered: entries 126..130",
                "OK, except entries 126..130, which no verified checkpoint covers");
    }

    @Test
    void withoutCheckpointsNothingIsCoveredSoTheResultIsIncomplete() {
        Run run = run("verify", "--journal", export.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(run.out()).contains("covered: no entries", "not covered: entries 1..130",
                "INCOMPLETE: entries 1..130");
    }

    @Test
    void aKeyGivenAsVkeyAndAsPemCountsOnce() {
        Run run = run("verify", "--journal", coveredExport.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString(), vkey.toString());
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).contains("against 3 checkpoint(s) and 1 trusted key(s)");
    }

    @Test
    void aTamperedExportFailsWithTheSequence() throws Exception {
        List<String> lines = JournalFixture.lines(Files.readString(export));
        lines.remove(JournalFixture.lineOf(lines, 64));
        Path tampered = dir.resolve("tampered.jsonl");
        Files.writeString(tampered, JournalFixture.join(lines));
        Run run = run("verify", "--journal", tampered.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString());
        assertThat(run.status()).isEqualTo(Main.FAILED);
        assertThat(run.out()).contains("FAILED at sequence 64:");
    }

    @Test
    void theWrongKeyFails() throws Exception {
        Path other = dir.resolve("other-keys");
        NoteSigner stranger = KeyDirectory.create(other, "kyodo.example/journal-1");
        Path pub;
        try (var files = Files.list(other)) {
            pub = files.filter(p -> p.toString().endsWith(".pub")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(pub)).contains(stranger.verifierKey().vkey());
        Run run = run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", pub.toString());
        assertThat(run.status()).isEqualTo(Main.FAILED);
        assertThat(run.out()).contains("no signature by a trusted key");
    }

    @Test
    void badInputGetsAClearMessageAndNoStackTrace() throws Exception {
        Path garbage = dir.resolve("garbage.bin");
        Files.write(garbage, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        Path privateKey = dir.resolve("private.pem");
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        List<Run> runs = new ArrayList<>();
        runs.add(run());
        runs.add(run("verify"));
        runs.add(run("verify", "--journal", dir.resolve("missing.jsonl").toString()));
        runs.add(run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString()));
        runs.add(run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", garbage.toString()));
        runs.add(run("verify", "--journal", export.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", privateKey.toString()));
        runs.add(run("verify", "--journal", export.toString(), "--checkpoints", garbage.toString(),
                "--keys", publicKey.toString()));
        runs.add(run("verify", "--journal", garbage.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString()));
        runs.add(run("verify", "--bogus"));
        for (Run run : runs) {
            assertThat(run.status()).as(run.out() + run.err()).isIn(Main.FAILED, Main.BAD_INPUT);
            assertThat(run.out()).doesNotContain("OK");
            assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception");
            assertThat(run.out() + run.err()).containsAnyOf("error: ", "FAILED");
        }
        assertThat(runs.get(5).err()).contains("never hand out a private key");
    }

    @Test
    void theCommandNeedsNothingButTheJdkAndItsOwnClasses() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", classes.toString(), Main.class.getName(),
                "verify", "--journal", coveredExport.toString(), "--checkpoints", checkpoints.toString(),
                "--keys", publicKey.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}

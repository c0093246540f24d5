package kyodo.ledger.journal.witness;

import kyodo.ledger.journal.JournalFixture;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.note.Checkpoint;
import kyodo.ledger.journal.note.Cosignature;
import kyodo.ledger.journal.note.CosignerKey;
import kyodo.ledger.journal.note.NoteSignature;
import kyodo.ledger.journal.note.SignedNote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The witness command as its operator runs it, once per round, against a log served over HTTP: it keeps what it
 * saw on disk between runs, cosigns each checkpoint that extends it, and refuses a log that rewrote its history.
 */
class WitnessTest {
    private static JournalFixture honest;
    private static JournalFixture rewritten;
    private static Path logKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void books(@TempDir Path shared) throws Exception {
        honest = new JournalFixture(7L, 200);
        // Other books under the same origin and the same signing key: what a log that rewrote history shows.
        rewritten = new JournalFixture(99L, 200);
        logKey = shared.resolve("log.vkey");
        Files.writeString(logKey, honest.signer.verifierKey().vkey() + "\n");
    }

    private record Run(int status, String out, String err) {
    }

    private Run witness(TestLogServer log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = WitnessCommand.run(new String[] {"witness", "--log", log.prefix(), "--log-key",
                logKey.toString(), "--origin", JournalFixture.ORIGIN, "--key", dir.resolve("witness.key").toString(),
                "--name", "news.example/kyodo-witness", "--state", dir.resolve("seen.checkpoint").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cosignsThreeSuccessiveCheckpointsInTheCosignatureFormat() throws Exception {
        try (TestLogServer log = new TestLogServer(honest)) {
            long[] sizes = {75, 125, 175};
            for (int i = 0; i < sizes.length; i++) {
                log.show(sizes[i]);
                Run run = witness(log);
                assertThat(run.status()).as(run.out() + run.err()).isEqualTo(WitnessCommand.COSIGNED);
                assertThat(run.out()).contains("cosigned tree size " + sizes[i],
                        i == 0 ? "the first checkpoint seen" : "consistent with tree size " + sizes[i - 1]);
                if (i == 0) {
                    assertThat(run.out()).contains("made a new witness key", "vkey: news.example/kyodo-witness+");
                }
            }
            CosignerKey witness = WitnessKey.read(dir.resolve("witness.key")).cosignerKey();
            assertThat(log.posted).hasSize(3);
            for (int i = 0; i < sizes.length; i++) {
                SignedNote posted = SignedNote.parse(log.posted.get(i));
                Checkpoint checkpoint = Checkpoint.parse(posted.text());
                assertThat(checkpoint.size()).isEqualTo(sizes[i]);
                assertThat(checkpoint.root()).isEqualTo(honest.journal.root(sizes[i]));
                assertThat(posted.signatures()).hasSize(1);
                NoteSignature line = posted.signatures().get(0);
                assertThat(line.keyName()).isEqualTo("news.example/kyodo-witness");
                Cosignature cosignature = Cosignature.of(line).orElseThrow();
                assertThat(witness.verify(posted.text(), cosignature)).isTrue();
                // The signature covers the checkpoint: the same cosignature does not verify another one.
                assertThat(witness.verify(honest.journal.checkpoint(25).orElseThrow().text(), cosignature)).isFalse();
            }
            assertThat(Checkpoint.parse(SignedNote.parse(Files.readString(dir.resolve("seen.checkpoint"))).text())
                    .size()).isEqualTo(175);
        }
    }

    @Test
    void theWitnessNeedsNothingButTheJdkAndTheJarsOwnClasses() throws Exception {
        try (TestLogServer log = new TestLogServer(honest)) {
            log.show(75);
            Path classes = Path.of(WitnessCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-cp", classes.toString(),
                    "kyodo.ledger.journal.verify.Main", "witness", "--log", log.prefix(), "--log-key",
                    logKey.toString(),
                    "--origin", JournalFixture.ORIGIN, "--key", dir.resolve("alone.key").toString(), "--name",
                    "alone.example/witness").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("cosigned tree size 75");
            assertThat(log.posted).hasSize(1);
        }
    }

    @Test
    void refusesALogThatRewroteHistoryAndNamesBothSizes() throws Exception {
        try (TestLogServer log = new TestLogServer(honest)) {
            log.show(125);
            assertThat(witness(log).status()).isEqualTo(WitnessCommand.COSIGNED);
            String seen = Files.readString(dir.resolve("seen.checkpoint"));

            log.rewriteWith(rewritten);
            log.show(175);
            Run larger = witness(log);
            assertThat(larger.status()).as(larger.out() + larger.err()).isEqualTo(WitnessCommand.REFUSED);
            assertThat(larger.out()).contains("refused: tree size 175 is not consistent with tree size 125");

            log.show(125);
            Run sameSize = witness(log);
            assertThat(sameSize.status()).isEqualTo(WitnessCommand.REFUSED);
            assertThat(sameSize.out()).contains("refused: the log shows tree size 125 with root",
                    "but this witness saw tree size 125 with root");

            log.rewriteWith(honest);
            log.show(75);
            Run smaller = witness(log);
            assertThat(smaller.status()).isEqualTo(WitnessCommand.REFUSED);
            assertThat(smaller.out()).contains("tree size 75, smaller than tree size 125");

            assertThat(log.posted).as("nothing was cosigned after the first round").hasSize(1);
            assertThat(Files.readString(dir.resolve("seen.checkpoint"))).as("the witness keeps what it saw")
                    .isEqualTo(seen);

            log.show(175);
            assertThat(witness(log).status()).as("back on the history it showed before").isEqualTo(
                    WitnessCommand.COSIGNED);
        }
    }

    @Test
    void refusesACheckpointNotSignedByTheLogsKeyAndBadInputGetsAClearMessage() throws Exception {
        try (TestLogServer log = new TestLogServer(honest)) {
            log.show(75);
            byte[] otherSeed = new byte[32];
            otherSeed[0] = 1;
            Path strangerKey = dir.resolve("stranger.vkey");
            Files.writeString(strangerKey, NoteSigner.fromSeed("kyodo.example/journal-1", otherSeed).verifierKey()
                    .vkey() + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = WitnessCommand.run(new String[] {"witness", "--log", log.prefix(), "--log-key",
                    strangerKey.toString(), "--key", dir.resolve("witness.key").toString(), "--name", "w.example/1",
                    "--origin", JournalFixture.ORIGIN, "--state", dir.resolve("seen").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
            assertThat(status).isEqualTo(WitnessCommand.REFUSED);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("refused: the log's checkpoint is not signed "
                    + "by the log's key");
            assertThat(log.posted).isEmpty();
            assertThat(dir.resolve("seen")).doesNotExist();

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            status = WitnessCommand.run(new String[] {"witness", "--log", log.prefix()}, new PrintStream(
                    new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(WitnessCommand.BAD_INPUT);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: --key is required")
                    .doesNotContain("Exception");
        }
    }
}

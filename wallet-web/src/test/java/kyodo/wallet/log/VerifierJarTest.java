package kyodo.wallet.log;

import kyodo.fund.access.Role;
import kyodo.fund.donation.DonationDesk;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.wallet.WalletWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anyone verifies a published figure (journey 11), as a person would without signing in: downloads the verifier
 * from the log, the report's proof bundle and the log's keys, and runs {@code java -jar verifier.jar report} in a
 * JVM of its own, with no class path but the jar (the verifier needs only the JDK). The bundle verifies; after one
 * amount in it is changed, the verifier refuses it.
 */
class VerifierJarTest extends WalletWebTest {
    private static final long RUN_SECONDS_MAX = 120;

    @Autowired
    MockMvc mvc;
    @Autowired
    DonationDesk donations;
    @Autowired
    JournalFollower follower;
    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    @Test
    void theReportsProofBundleVerifiesWithTheDownloadedJarAndIsRefusedWhenOneAmountChanges() throws Exception {
        var staff = registrar.createUser("verifier-staff-" + System.nanoTime() % 1_000_000, "区職員", PASSWORD,
                Role.STAFF).user().actor();
        donations.record(staff, new DonationDesk.Form("INDIVIDUAL", "𠮷田 太郎", "", 12_345L, "general", false,
                false), new DonationDesk.Arrival("BANK_TRANSFER", null, null));
        follower.catchUp();
        int year = FiscalYear.current(clock).year();

        byte[] jar = mvc.perform(get("/log/verifier.jar")).andExpect(status().isOk())
                .andExpect(header().exists("X-Content-SHA256")).andReturn().getResponse().getContentAsByteArray();
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("kyodo.ledger.journal.verify.Main");
        }
        Path verifier = Files.write(dir.resolve("verifier.jar"), jar);
        Path keys = Files.write(dir.resolve("kyodo-log-keys.txt"), mvc.perform(get("/.well-known/kyodo-log-keys"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        String bundle = mvc.perform(get("/api/fund/reports/" + year + "/proof-bundle.jsonl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bundle).contains("\"type\":\"withheld\"").contains("\"key\":\"fund-donation-");
        Path good = Files.writeString(dir.resolve("bundle.jsonl"), bundle);

        Run checked = run(verifier, good, keys);
        assertThat(checked.status()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("keys trusted: from the key files given")
                .contains("other entries withheld as leaf hashes")
                .contains("OK: the report's figures are what the signed log's fund entries give");

        String line = bundle.lines().filter(l -> l.contains("\"amount\":12345,")).findFirst().orElseThrow();
        Path changed = Files.writeString(dir.resolve("changed.jsonl"),
                bundle.replace(line, line.replace("\"amount\":12345,", "\"amount\":12346,")));
        Run refused = run(verifier, changed, keys);
        assertThat(refused.status()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("FAILED at sequence").doesNotContain("OK:");
    }

    private record Run(int status, String output) {
    }

    /** {@code java -jar verifier.jar report <bundle> --keys <keys>} in a JVM of its own, with the jar alone. */
    private static Run run(Path jar, Path bundle, Path keys) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "report", bundle.toString(),
                "--keys", keys.toString())).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)).as("the verifier finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

package kyodo.fund.audit;

import com.jayway.jsonpath.JsonPath;
import kyodo.fund.FundTestApplication;
import kyodo.fund.books.Designation;
import kyodo.fund.books.FundBooks;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.KeyDirectory;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.testing.Tampering;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The verification page runs ledger-core's verifier over the database's own export and signed checkpoints: it
 * reports OK on honest books and, after a superuser rewrote a leg behind the ledger's back (triggers off), the
 * first failure at that entry. Its own database, since it is tampered with.
 */
@SpringBootTest(classes = {FundTestApplication.class, JournalVerificationTest.Keys.class})
@AutoConfigureMockMvc
class JournalVerificationTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_audit_verify");
    private static final RequestPostProcessor AUDITOR = as("auditor-verify", "AUDITOR");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("kyodo.fund.public-base-url", () -> "https://kyodo.example.jp/");
    }

    /** The checkpoint key, as the application keeps it: generated on first use, outside the database. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Keys {
        @Bean
        CheckpointSigner checkpointSigner() throws IOException {
            return new CheckpointSigner("kyodo.example/audit-test",
                    KeyDirectory.loadOrCreate(Files.createTempDirectory("kyodo-audit-keys"), "kyodo.audit-test"));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    FundBooks books;
    @Autowired
    DataSource dataSource;
    @Autowired
    CheckpointSigner signer;
    @Autowired
    Clock clock;

    @Test
    void theVerificationPageReportsOkAndAfterATamperTheFirstFailure() throws Exception {
        for (int i = 1; i <= 7; i++) {
            assertThat(books.donate("fund-verify-" + i, Designation.GENERAL, 1_000L * i, "staff-verify", "寄附 " + i)
                    .onTheBooks()).isTrue();
        }
        JournalFollower follower = new JournalFollower(dataSource, ledger.id(),
                new PostgresJournal(dataSource, ledger.id()).feed(), signer,
                new CheckpointPolicy(3, Duration.ofHours(1)), clock);
        follower.catchUp();
        long head = ledger.head().sequence();
        long checkpoints = new PostgresJournal(dataSource, ledger.id()).checkpoints().size();
        assertThat(checkpoints).isPositive();

        mvc.perform(get("/fund/audit/verification").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("今すぐ検証")));
        mvc.perform(post("/fund/audit/verification").with(AUDITOR).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("OK: 仕訳帳は検証に合格しました")))
                .andExpect(content().string(containsString("<dd id=\"entries\">" + head + "</dd>")))
                .andExpect(content().string(containsString("<dd id=\"checkpoints\">" + checkpoints + "</dd>")));
        String ok = mvc.perform(post("/api/fund/audit/verification").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(head))
                .andExpect(jsonPath("$.keysTrusted").value(1))
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(ok, "$.checkpointsGiven")).longValue()).isEqualTo(checkpoints);

        long tampered = ledger.entry(new kyodo.ledger.EntryKey("fund-verify-4")).orElseThrow().sequence();
        assertThat(Tampering.inflateLeg(DATABASE.dataSource(), ledger.id(), tampered, 0)).isEqualTo(1);

        mvc.perform(post("/fund/audit/verification").with(AUDITOR).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("FAILED")))
                .andExpect(content().string(containsString("First failure: sequence " + tampered + ":")));
        mvc.perform(post("/api/fund/audit/verification").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.failureSequence").value(tampered))
                .andExpect(jsonPath("$.failure").value(containsString("sequence " + tampered)));
    }

    @Test
    void theExportsStreamEveryEntryInEachFormat() throws Exception {
        assertThat(books.donate("fund-export-1", Designation.GENERAL, 777, "staff-verify", "寄附 export").onTheBooks())
                .isTrue();
        long head = ledger.head().sequence();
        String jsonl = mvc.perform(get("/api/fund/audit/exports/jsonl").with(AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long entryLines = jsonl.lines().filter(line -> line.contains("\"sequence\"")).count();
        assertThat(entryLines).isGreaterThanOrEqualTo(head);
        assertThat(jsonl).contains("fund-export-1");
        mvc.perform(get("/api/fund/audit/exports/beancount").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Assets:Fund:Bank")))
                .andExpect(content().string(containsString("fund-export-1")));
        mvc.perform(get("/api/fund/audit/exports/hledger").with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("fund:bank  777 JPY")));
        mvc.perform(get("/api/fund/audit/exports/excel").with(AUDITOR)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }
}

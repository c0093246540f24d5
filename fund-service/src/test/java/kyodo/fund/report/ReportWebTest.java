package kyodo.fund.report;

import kyodo.fund.FundApi;
import kyodo.fund.FundTestApplication;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.checkpoint.CheckpointPolicy;
import kyodo.ledger.journal.checkpoint.CheckpointSigner;
import kyodo.ledger.journal.checkpoint.NoteSigner;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The fund module on a database of each test class's own: report tests move the clock through a fiscal year, and
 * the ledger never lets time go back, so they must not share the books with tests that post at other times.
 * A subclass names its database with {@link #properties}.
 */
@SpringBootTest(classes = FundTestApplication.class)
@AutoConfigureMockMvc
abstract class ReportWebTest {
    static void properties(DynamicPropertyRegistry registry, TestDatabase database) {
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
        registry.add("kyodo.fund.public-base-url", () -> "https://kyodo.example.jp/");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Ledger ledger;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    protected JdbcClient jdbc;

    protected FundApi api() {
        return new FundApi(mvc);
    }

    /** Appends every committed entry to the Merkle tree and signs a checkpoint at the head; returns its size. */
    protected long checkpoint() throws SQLException {
        CheckpointSigner signer = new CheckpointSigner("kyodo.test/report",
                List.of(NoteSigner.fromSeed("report-test", new byte[32])));
        new JournalFollower(dataSource, ledger.id(), new PostgresJournal(dataSource, ledger.id()).feed(), signer,
                new CheckpointPolicy(1, Duration.ofSeconds(1)), clock).catchUp();
        return new PostgresJournal(dataSource, ledger.id()).latestCheckpoint().orElseThrow().treeSize();
    }
}

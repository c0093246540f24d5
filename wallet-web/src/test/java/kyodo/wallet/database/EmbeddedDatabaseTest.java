package kyodo.wallet.database;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.ResultCode;
import kyodo.wallet.KyodoApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default run: no database configured, so the application starts its own PostgreSQL, migrates it, keeps the
 * data on disk, and stops it cleanly on shutdown.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path dataDirectory;

    @Test
    void keepsTheDataAcrossARestart() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = jdbc(first);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1' and success",
                    Integer.class)).as("the application migrated the new database itself").isEqualTo(1);
            Ledger ledger = first.getBean(Ledger.class);
            AccountId issuance = ledger.open(AccountSpec.unclassified("test:issuance", Asset.PT, AccountKind.EQUITY))
                    .account().id();
            AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("test:wallet", Asset.PT)).account().id();
            assertThat(ledger.post(EntryRequest.of("restart-issue", EntryKind.ISSUE, "test",
                    new Leg.Transfer(issuance, wallet, Amount.pt(100)))).code()).isEqualTo(ResultCode.POSTED);
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
        assertThat(dataDirectory.resolve("postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = jdbc(second);
            Ledger ledger = second.getBean(Ledger.class);
            assertThat(ledger.entry(new EntryKey("restart-issue"))).isPresent();
            assertThat(ledger.head().sequence()).isEqualTo(1);
            assertThat(ledger.account("test:wallet")).hasValueSatisfying(
                    wallet -> assertThat(ledger.balance(wallet.id()).orElseThrow().posted()).isEqualTo(100));
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '1'",
                    Integer.class)).as("the migration ran once, not again").isEqualTo(1);
        }
    }

    @Test
    void runsTheBooksWithDurableCommits() {
        try (ConfigurableApplicationContext context = start()) {
            JdbcTemplate jdbc = jdbc(context);
            EmbeddedPostgresServer server = context.getBean(EmbeddedPostgresServer.class);

            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("select current_database()", String.class))
                    .isEqualTo(EmbeddedPostgresServer.DATABASE);
            assertThat(server.dataDirectory()).isEqualTo(dataDirectory.toAbsolutePath().normalize());
        }
    }

    @Test
    void refusesToRunASecondServerOnTheSameData() {
        try (ConfigurableApplicationContext first = start()) {
            assertThatThrownBy(this::start).rootCause()
                    .hasMessageContaining("another Kyodo process is using the embedded PostgreSQL data in");
            assertThat(jdbc(first).queryForObject("select 1", Integer.class)).as("the first still runs").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KyodoApplication.class).run(
                "--server.port=0",
                "--kyodo.db.url=", // even if KYODO_DB_URL is set where the tests run
                "--kyodo.db.embedded.data-directory=" + dataDirectory,
                "--kyodo.qr.key-directory=" + dataDirectory.resolveSibling("keys"),
                // these tests count journal entries; demo points would add some
                "--kyodo.demo.enabled=false");
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }
}

package kyodo.wallet;

import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountResultCode;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.ResultCode;
import kyodo.ledger.postgres.PostgresLedger;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over HTTP, on its own fresh PostgreSQL database given as an external one
 * ({@code kyodo.db.url}, which is what {@code KYODO_DB_URL} sets).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KyodoApplicationTest {
    private static final TestDatabase DATABASE = TestDatabase.create("kyodo_application");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    Ledger ledger;

    @Test
    void usesTheExternalDatabaseAndStartsNoEmbeddedServer() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(jdbc.queryForObject("select current_database()", String.class))
                .isEqualTo(DATABASE.url().replaceAll("^.*/([^/?]+).*$", "$1"));
    }

    @Test
    void theDatabaseIsMigrated() {
        Integer ledgerMigration = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '1' and success", Integer.class);

        assertThat(ledgerMigration).isEqualTo(1);
    }

    @Test
    void theLedgerIsThePostgresLedgerCreatedFromConfiguration() {
        assertThat(ledger).isInstanceOf(PostgresLedger.class);
        assertThat(ledger.id().value()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select name from ledger where id = 1", String.class))
                .isEqualTo("Kyodo demo ward");
    }

    @Test
    void homePageShowsTheLedgerHead() throws Exception {
        var issuance = ledger.open(AccountSpec.unclassified("test:issuance:home", Asset.PT, AccountKind.EQUITY));
        var wallet = ledger.open(AccountSpec.unclassifiedWallet("test:wallet:home", Asset.PT));
        assertThat(issuance.code()).isEqualTo(AccountResultCode.OPENED);
        assertThat(wallet.code()).isEqualTo(AccountResultCode.OPENED);
        var posted = ledger.post(EntryRequest.of("test-home-issue", EntryKind.ISSUE, "test",
                new Leg.Transfer(issuance.account().id(), wallet.account().id(), Amount.pt(100))));
        assertThat(posted.code()).isEqualTo(ResultCode.POSTED);
        long head = ledger.head().sequence();

        HttpResponse<String> home = get("/", null);

        assertThat(head).isPositive();
        assertThat(home.body()).contains("<dd id=\"head-sequence\">" + head + "</dd>");
    }

    @Test
    void healthIsUpAndIncludesBothConnectionPools() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{").contains("\"status\":\"UP\"")
                .contains("\"dataSource\":{\"status\":\"UP\"").contains("\"ledgerDataSource\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusEndpointServesMetrics() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active")
                .contains("kyodo_ledger_queue_depth");
    }

    @Test
    void homePageIsJapaneseByDefault() throws Exception {
        HttpResponse<String> home = get("/", null);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(home.body()).contains("<html lang=\"ja\">").contains("<h1>協働 Kyodo</h1>")
                .contains("記帳件数").contains("<dd id=\"ledger-name\" data-i18n-exempt>Kyodo demo ward</dd>")
                .containsPattern("<dd id=\"head-sequence\">[0-9,]+</dd>");
    }

    @Test
    void homePageIsEnglishWhenAskedWithLang() throws Exception {
        HttpResponse<String> home = get("/?lang=en", null);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"en\">").contains("<h1>Kyodo</h1>").contains("Journal entries")
                .doesNotContain("記帳件数");
    }

    @Test
    void theChosenLanguageIsRemembered() throws Exception {
        HttpResponse<String> chosen = get("/?lang=en", null);
        String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(uri("/")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(cookie).startsWith("kyodo-lang=");
        assertThat(next.body()).contains("<html lang=\"en\">");
    }

    @Test
    void homePageFollowsAcceptLanguageAmongJapaneseAndEnglish() throws Exception {
        assertThat(get("/", "en-US,en;q=0.9").body()).contains("<html lang=\"en\">");
        assertThat(get("/", "ja-JP,ja;q=0.9,en;q=0.8").body()).contains("<html lang=\"ja\">");
        assertThat(get("/", "fr-FR,de;q=0.9").body()).contains("<html lang=\"ja\">");
        assertThat(get("/", "fr-FR,en;q=0.5").body()).contains("<html lang=\"en\">");
    }

    @Test
    void unsupportedLangParameterFallsBackToJapanese() throws Exception {
        assertThat(get("/?lang=fr", null).body()).contains("<html lang=\"ja\">");
    }

    @Test
    void theFundIsAssembledIn() throws Exception {
        HttpResponse<String> about = get("/api/fund/about", null);

        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body()).contains("\"name\":\"協働推進基金\"").contains("\"fiscalYear\":");
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountResultCode;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.LedgerId;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database keeps the rules by itself: raw SQL that breaks them is refused, whoever sends it. */
class DatabaseRulesTest {
    private static TestDatabase database;
    private static PostgresLedger ledger;
    private static AccountId issuer;
    private static AccountId wallet;
    private static AccountId yenAccount;

    @BeforeAll
    static void books() {
        database = TestDatabase.create("dbrules");
        ledger = new PostgresLedger(database.dataSource(), new LedgerId(1), "rules", Clock.systemUTC());
        issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT, AccountKind.EQUITY)).orThrow().id();
        wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
        yenAccount = ledger.open(AccountSpec.unclassified("bank", Asset.JPY, AccountKind.ASSET)).orThrow().id();
        ledger.post(EntryRequest.of("issue:1", EntryKind.ISSUE, "staff:1", Leg.transfer(issuer, wallet, Amount.pt(100))));
    }

    @AfterAll
    static void close() {
        ledger.close();
    }

    @Test
    void refusesUpdateOfALeg() {
        assertRefused("update leg set amount = 1000000 where ledger_id = 1 and sequence = 1", "append-only");
    }

    @Test
    void refusesDeleteOfALegOrAnEntry() {
        assertRefused("delete from leg where ledger_id = 1", "append-only");
        assertRefused("delete from entry where ledger_id = 1", "append-only");
        assertRefused("truncate leg, entry cascade", "append-only");
    }

    @Test
    void refusesAccountClassesThatDoNotFitTogether() {
        String insert = "insert into account (ledger_id, id, code, asset, kind, flags, opened_at, owner_kind, owner_id,"
                + " purpose, vintage, fiscal_year) values (1, %d, '%s', 'PT', 'LIABILITY', 1, now(), %s)";
        assertRefused(insert.formatted(900, "merchant-with-vintage", "'MERCHANT', 7, 'WALLET', '2026-11-01', null"),
                "account_vintage_only_on_a_wallet");
        assertRefused(insert.formatted(901, "resident-without-vintage", "'RESIDENT', 1, 'WALLET', null, null"),
                "account_vintage_only_on_a_wallet");
        assertRefused(insert.formatted(902, "vintage-mid-month", "'RESIDENT', 1, 'WALLET', '2026-11-15', null"),
                "account_vintage_only_on_a_wallet");
        assertRefused(insert.formatted(903, "resident-without-id", "'RESIDENT', null, 'WALLET', '2026-11-01', null"),
                "account_owner_id_by_kind");
        assertRefused(insert.formatted(904, "ward-with-id", "'WARD', 3, 'ISSUANCE', null, null"),
                "account_owner_id_by_kind");
        assertRefused(insert.formatted(905, "fund-wallet", "'FUND', null, 'WALLET', null, null"),
                "account_wallet_has_a_holder");
        assertRefused(insert.formatted(906, "budget-without-year", "'WARD', null, 'BUDGET', null, null"),
                "account_fiscal_year_only_on_a_budget");
        assertRefused(insert.formatted(907, "year-on-a-bank", "'FUND', null, 'BANK', null, 2026"),
                "account_fiscal_year_only_on_a_budget");
        assertRefused(insert.formatted(908, "unknown-purpose", "'WARD', null, 'SAVINGS', null, null"),
                "account_purpose_known");
    }

    @Test
    void theBusinessDayIsTheWardsDate() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("select kyodo_business_day('2026-11-24T14:59:59.999999Z'),"
                     + " kyodo_business_day('2026-11-24T15:00:00Z')")) {
            rs.next();
            assertThat(rs.getObject(1, java.time.LocalDate.class)).isEqualTo(kyodo.ledger.calendar.BusinessCalendar
                    .dayOf(java.time.Instant.parse("2026-11-24T14:59:59.999999Z")));
            assertThat(rs.getObject(2, java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2026, 11, 25));
        }
    }

    @Test
    void refusesUpdateOfAnEntry() {
        assertRefused("update entry set memo = 'rewritten' where ledger_id = 1", "append-only");
    }

    @Test
    void refusesAnEntryWithFewerLegsThanItDeclares() {
        assertRefusedTogether("unbalanced: 1 legs found, 2 declared",
                leg(1000, 0, issuer, wallet, "PT"),
                entry(1000, "by-hand", 2));
        assertThat(ledger.entry(1000)).isEmpty();
    }

    @Test
    void refusesAnEntryWrittenBeforeItsLegs() {
        assertRefusedTogether("unbalanced: 0 legs found, 1 declared", entry(1001, "by-hand-2", 1));
    }

    @Test
    void refusesALegBetweenAccountsOfAnotherAsset() {
        assertRefusedTogether("which holds JPY",
                leg(1002, 0, yenAccount, wallet, "PT"),
                entry(1002, "by-hand-3", 1));
    }

    @Test
    void refusesALegNamingAClosedAccount() {
        AccountId closed = ledger.open(AccountSpec.unclassifiedWallet("wallet:closed", Asset.PT)).orThrow().id();
        assertThat(ledger.close(closed).code()).isEqualTo(AccountResultCode.CLOSED);
        assertRefusedTogether("is closed",
                leg(1003, 0, issuer, closed, "PT"),
                entry(1003, "by-hand-4", 1));
    }

    @Test
    void refusesALegAddedToARecordedEntry() {
        assertRefused(leg(1, 5, issuer, wallet, "PT"), "already recorded");
    }

    @Test
    void refusesAGapInTheSequenceAtCommit() throws SQLException {
        long next = ledger.head().sequence() + 1;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(leg(next + 1, 0, issuer, wallet, "PT"));
                statement.execute(entry(next + 1, "skips-one", 1));
                statement.execute("update ledger set head_sequence = " + (next + 1) + " where id = 1");
            }
            // Every statement passes; the deferred trigger finds the missing sequence when the transaction commits.
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("gap");
            connection.rollback();
        }
        assertThat(ledger.head().sequence()).isEqualTo(next - 1);
    }

    @Test
    void refusesJournalRowsBeyondTheHeadAtCommit() throws SQLException {
        long next = ledger.head().sequence() + 1;
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(leg(next, 0, issuer, wallet, "PT"));
                statement.execute(entry(next, "ahead-1", 1));
                statement.execute(leg(next + 1, 0, issuer, wallet, "PT"));
                statement.execute(entry(next + 1, "ahead-2", 1));
                statement.execute("update ledger set head_sequence = " + next + " where id = 1");
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("beyond");
            connection.rollback();
        }
    }

    private static String entry(long sequence, String key, int legs) {
        return """
                insert into entry (ledger_id, sequence, key, kind, actor, memo, posted_at, leg_count,
                                   request_digest, hash)
                values (1, %d, '%s', 'ISSUE', 'intruder', '', now(), %d,
                        decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))""".formatted(sequence, key, legs);
    }

    private static String leg(long sequence, int index, AccountId debit, AccountId credit, String asset) {
        return """
                insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id,
                                 asset, amount, posted_at)
                values (1, %d, %d, 'P', %d, %d, '%s', 50, now())""".formatted(sequence, index, debit.value(),
                credit.value(), asset);
    }

    /** Runs the statements in one transaction and expects one of them to be refused. */
    private static void assertRefusedTogether(String because, String... statements) {
        assertThatThrownBy(() -> {
            try (Connection connection = database.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                    connection.commit();
                } finally {
                    connection.rollback();
                }
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(because);
    }

    @Test
    void refusesAnOverdraftWrittenByHand() {
        assertRefused("update account set debits_posted = credits_posted + 1 where ledger_id = 1 and id = "
                + wallet.value(), "debits_must_not_exceed_credits");
        assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(100);
    }

    @Test
    void refusesANonPositiveAmountWrittenByHand() {
        assertRefused(leg(2000, 0, issuer, wallet, "PT").replace(", 50, now()", ", 0, now()"), "amount");
    }

    private static void assertRefused(String sql, String because) {
        assertThatThrownBy(() -> {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(because);
    }
}

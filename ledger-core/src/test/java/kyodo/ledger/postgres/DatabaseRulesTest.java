package kyodo.ledger.postgres;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
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
        issuer = ledger.open(AccountSpec.of("issuance", Asset.PT, AccountKind.EQUITY)).orThrow().id();
        wallet = ledger.open(AccountSpec.wallet("wallet:1", Asset.PT)).orThrow().id();
        yenAccount = ledger.open(AccountSpec.of("bank", Asset.JPY, AccountKind.ASSET)).orThrow().id();
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
    void refusesUpdateOfAnEntry() {
        assertRefused("update entry set memo = 'rewritten' where ledger_id = 1", "append-only");
    }

    @Test
    void refusesAnEntryWithoutItsDeclaredLegsAtCommit() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into entry (ledger_id, sequence, key, kind, actor, memo, posted_at, leg_count,
                                           request_digest, hash)
                        values (1, 1000, 'by-hand', 'ISSUE', 'intruder', '', now(), 2,
                                decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))""");
                statement.execute("""
                        insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id,
                                         asset, amount, posted_at)
                        values (1, 1000, 0, 'P', %d, %d, 'PT', 50, now())""".formatted(issuer.value(), wallet.value()));
            }
            // Both statements pass; the deferred trigger refuses the entry when the transaction commits.
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
            connection.rollback();
        }
        assertThat(ledger.entry(1000)).isEmpty();
    }

    @Test
    void refusesALegBetweenAccountsOfAnotherAssetAtCommit() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into entry (ledger_id, sequence, key, kind, actor, memo, posted_at, leg_count,
                                           request_digest, hash)
                        values (1, 1001, 'by-hand-2', 'ISSUE', 'intruder', '', now(), 1,
                                decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))""");
                statement.execute("""
                        insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id,
                                         asset, amount, posted_at)
                        values (1, 1001, 0, 'P', %d, %d, 'PT', 50, now())""".formatted(yenAccount.value(),
                        wallet.value()));
            }
            assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("unbalanced");
            connection.rollback();
        }
    }

    @Test
    void refusesAnOverdraftWrittenByHand() {
        assertRefused("update account set debits_posted = credits_posted + 1 where ledger_id = 1 and id = "
                + wallet.value(), "debits_must_not_exceed_credits");
        assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(100);
    }

    @Test
    void refusesANonPositiveAmountWrittenByHand() {
        assertRefused("insert into leg (ledger_id, sequence, leg_index, kind, debit_account_id, credit_account_id, "
                + "asset, amount, posted_at) values (1, 1, 5, 'P', 1, 2, 'PT', 0, now())", "amount");
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

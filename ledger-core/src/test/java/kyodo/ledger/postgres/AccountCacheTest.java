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
import kyodo.ledger.ResultCode;
import kyodo.ledger.testing.BooksAudit;
import kyodo.ledger.testing.MutableClock;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer keeps the accounts it touched in memory between batches and reads none of them again while the head
 * shows it was the last to change them. Two ledgers on one database stand for two processes here: each has its
 * own writer and cache, and each must see what the other did. Also: each account's movements stay with their
 * business day when its row moves on to a new one.
 */
class AccountCacheTest {
    private static final LedgerId LEDGER = new LedgerId(3);

    @Test
    void aSpendByAnotherWriterIsSeenBeforeTheNextBatch() {
        TestDatabase database = TestDatabase.create("cache_spend");
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
        try (PostgresLedger here = new PostgresLedger(database.dataSource(), LEDGER, "cache", clock);
             PostgresLedger there = new PostgresLedger(database.dataSource(), LEDGER, "cache", clock)) {
            AccountId issuer = here.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId wallet = here.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
            AccountId shop = here.open(AccountSpec.unclassifiedWallet("merchant:1", Asset.PT)).orThrow().id();
            assertThat(here.post(transfer("fund", issuer, wallet, 100)).code()).isEqualTo(ResultCode.POSTED);
            assertThat(here.post(transfer("here:1", wallet, shop, 60)).code()).isEqualTo(ResultCode.POSTED);

            assertThat(there.post(transfer("there:1", wallet, shop, 40)).code()).isEqualTo(ResultCode.POSTED);

            // Had this writer trusted its copy (40 left), it would have decided POSTED and the database refused it.
            assertThat(here.post(transfer("here:2", wallet, shop, 1)).code())
                    .isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
            assertThat(here.balance(wallet).orElseThrow().posted()).isZero();
            assertThat(BooksAudit.problems(database.dataSource(), here)).isEmpty();
        }
    }

    @Test
    void anAccountClosedElsewhereIsSeenAsClosed() {
        TestDatabase database = TestDatabase.create("cache_close");
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T01:00:00Z"));
        try (PostgresLedger here = new PostgresLedger(database.dataSource(), LEDGER, "cache", clock);
             PostgresLedger there = new PostgresLedger(database.dataSource(), LEDGER, "cache", clock)) {
            AccountId issuer = here.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId wallet = here.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
            assertThat(here.post(transfer("fund", issuer, wallet, 100)).code()).isEqualTo(ResultCode.POSTED);

            assertThat(there.close(wallet).code()).isEqualTo(AccountResultCode.CLOSED);

            // Closing does not move the head sequence; the head's accounts version tells the writer instead.
            assertThat(here.post(transfer("after-close", issuer, wallet, 1)).code())
                    .isEqualTo(ResultCode.ACCOUNT_CLOSED);
            assertThat(BooksAudit.problems(database.dataSource(), here)).isEmpty();
        }
    }

    @Test
    void eachDaysMovementsStayWithTheirDay() throws SQLException {
        TestDatabase database = TestDatabase.create("open_day");
        // 23:58 in Tokyo on 1 April.
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T14:58:00Z"));
        try (PostgresLedger ledger = new PostgresLedger(database.dataSource(), LEDGER, "days", clock)) {
            AccountId issuer = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId wallet = ledger.open(AccountSpec.unclassifiedWallet("wallet:1", Asset.PT)).orThrow().id();
            AccountId shop = ledger.open(AccountSpec.unclassifiedWallet("merchant:1", Asset.PT)).orThrow().id();
            ledger.post(transfer("d1:fund", issuer, wallet, 500));
            ledger.post(transfer("d1:pay", wallet, shop, 20));
            Instant endOfFirstDay = clock.instant();

            clock.advance(Duration.ofMinutes(3)); // 2 April
            ledger.post(transfer("d2:pay", wallet, shop, 30));
            clock.advance(Duration.ofDays(3)); // 5 April: the wallet's open day moves on again
            ledger.post(transfer("d5:pay", wallet, shop, 40));
            ledger.post(transfer("d5:fund", issuer, wallet, 5));

            assertThat(ledger.balance(wallet, endOfFirstDay).orElseThrow().posted()).isEqualTo(480);
            assertThat(ledger.balance(wallet, endOfFirstDay.plus(Duration.ofDays(1))).orElseThrow().posted())
                    .isEqualTo(450);
            assertThat(ledger.balance(wallet).orElseThrow().posted()).isEqualTo(415);
            assertThat(BooksAudit.problems(database.dataSource(), ledger)).isEmpty();
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(count(connection, "account_day_closed", wallet)).as("1 and 2 April, closed").isEqualTo(2);
                assertThat(count(connection, "account_daily", wallet)).as("and 5 April, open").isEqualTo(3);
            }
        }
    }

    private static long count(Connection connection, String table, AccountId account) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from " + table + " where ledger_id = ? and account_id = ?")) {
            statement.setLong(1, LEDGER.value());
            statement.setLong(2, account.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static EntryRequest transfer(String key, AccountId from, AccountId to, long points) {
        return EntryRequest.of(key, EntryKind.TRANSFER, "test", Leg.transfer(from, to, Amount.pt(points)));
    }
}

package kyodo.ledger.postgres;

import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.LedgerId;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts opened before accounts had classes get theirs from their codes when V2 runs: every scheme the modules
 * opened accounts with, a wallet from before vintages as the vintage of its opening month, anything else no one's.
 */
class AccountClassMigrationTest {
    @Test
    void accountsAlreadyOpenGetTheClassesTheirCodesSay() throws SQLException {
        TestDatabase database = TestDatabase.createUpTo("class_backfill", "1");
        String[] codes = {"issuance:pt", "budget:pt:2026", "wallet:resident:42:2026-11", "wallet:group:5",
                "wallet:merchant:7", "vouchers:outstanding:pt", "expired:pt", "fund:pt", "settled:pt",
                "settlement:budget:jpy:2027", "settlement:payable:merchant:7", "settlement:paid:jpy", "fund:bank",
                "fund:grants-payable", "fund:designation:field:children", "test:something"};
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("insert into ledger (id, name) values (1, 'before classes')");
            statement.execute("insert into asset (ledger_id, code, scale) values (1, 'PT', 0), (1, 'JPY', 0)");
            for (int i = 0; i < codes.length; i++) {
                String asset = codes[i].contains("jpy") || codes[i].startsWith("fund:") && !codes[i].equals("fund:pt")
                        ? "JPY" : "PT";
                statement.execute("insert into account (ledger_id, id, code, asset, kind, flags, opened_at) values "
                        + "(1, " + (i + 1) + ", '" + codes[i] + "', '" + asset + "', 'LIABILITY', 0, "
                        + "'2026-09-30T16:00:00Z')");
            }
            statement.execute("update ledger set next_account_id = " + (codes.length + 1) + " where id = 1");
        }

        database.migrate();

        try (PostgresLedger ledger = new PostgresLedger(database.dataSource(), new LedgerId(1), "before classes",
                Clock.systemUTC())) {
            assertThat(classOf(ledger, "issuance:pt"))
                    .isEqualTo(AccountClass.of(AccountOwner.WARD, AccountPurpose.ISSUANCE));
            assertThat(classOf(ledger, "budget:pt:2026"))
                    .isEqualTo(AccountClass.budget(AccountOwner.WARD, new FiscalYear(2026)));
            assertThat(classOf(ledger, "wallet:resident:42:2026-11"))
                    .isEqualTo(AccountClass.vintage(AccountOwner.resident(42), YearMonth.of(2026, 11)));
            assertThat(classOf(ledger, "wallet:group:5")).as("a wallet from before vintages: its opening month, Tokyo")
                    .isEqualTo(AccountClass.vintage(AccountOwner.group(5), YearMonth.of(2026, 10)));
            assertThat(classOf(ledger, "wallet:merchant:7")).isEqualTo(AccountClass.wallet(AccountOwner.merchant(7)));
            assertThat(classOf(ledger, "vouchers:outstanding:pt"))
                    .isEqualTo(AccountClass.of(AccountOwner.WARD, AccountPurpose.VOUCHERS_OUTSTANDING));
            assertThat(classOf(ledger, "expired:pt")).isEqualTo(AccountClass.of(AccountOwner.WARD,
                    AccountPurpose.EXPIRED));
            assertThat(classOf(ledger, "fund:pt"))
                    .isEqualTo(AccountClass.of(AccountOwner.FUND, AccountPurpose.DONATED_POINTS));
            assertThat(classOf(ledger, "settled:pt")).isEqualTo(AccountClass.of(AccountOwner.WARD,
                    AccountPurpose.SETTLED));
            assertThat(classOf(ledger, "settlement:budget:jpy:2027"))
                    .isEqualTo(AccountClass.budget(AccountOwner.WARD, new FiscalYear(2027)));
            assertThat(classOf(ledger, "settlement:payable:merchant:7"))
                    .isEqualTo(AccountClass.of(AccountOwner.merchant(7), AccountPurpose.PAYABLE));
            assertThat(classOf(ledger, "settlement:paid:jpy")).isEqualTo(AccountClass.of(AccountOwner.WARD,
                    AccountPurpose.BANK));
            assertThat(classOf(ledger, "fund:bank")).isEqualTo(AccountClass.of(AccountOwner.FUND, AccountPurpose.BANK));
            assertThat(classOf(ledger, "fund:grants-payable"))
                    .isEqualTo(AccountClass.of(AccountOwner.FUND, AccountPurpose.PAYABLE));
            assertThat(classOf(ledger, "fund:designation:field:children"))
                    .isEqualTo(AccountClass.of(AccountOwner.FUND, AccountPurpose.DESIGNATION));
            assertThat(classOf(ledger, "test:something")).isEqualTo(AccountClass.UNCLASSIFIED);
        }
    }

    private static AccountClass classOf(PostgresLedger ledger, String code) {
        return ledger.account(code).orElseThrow().accountClass();
    }
}

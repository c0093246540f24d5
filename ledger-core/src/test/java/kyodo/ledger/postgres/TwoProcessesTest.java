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
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.ledger.testing.BooksAudit;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes write one ledger at once, both spending from the same wallet: the head row lock orders their
 * batches, so the sequence stays gapless, the chain unbroken, and the wallet never goes below zero.
 */
class TwoProcessesTest {
    private static final int EACH = 3_000;

    @Test
    void twoProcessesWritingOneLedgerKeepItSound() throws Exception {
        TestDatabase database = TestDatabase.create("twoprocesses");
        try (PostgresLedger ledger = new PostgresLedger(database.dataSource(), new LedgerId(7), "two processes",
                Clock.systemUTC())) {
            AccountId source = ledger.open(AccountSpec.unclassified("issuance", Asset.PT,
                    AccountKind.EQUITY)).orThrow().id();
            AccountId shared = ledger.open(AccountSpec.unclassifiedWallet("wallet:shared", Asset.PT)).orThrow().id();
            AccountId shop = ledger.open(AccountSpec.unclassifiedWallet("merchant:1", Asset.PT)).orThrow().id();
            // Enough for 5,000 of the 6,000 spends of one point: the two processes compete for the last ones.
            ledger.post(EntryRequest.of("fund", EntryKind.ISSUE, "staff:1",
                    Leg.transfer(source, shared, Amount.pt(5_000))));

            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SecondWriter.class.getName(),
                    database.url(), database.user(), database.password(), "7", String.valueOf(EACH),
                    String.valueOf(shared.value()), String.valueOf(shop.value()), "p2:")
                    .redirectErrorStream(true).start();
            List<EntryRequest> mine = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                mine.add(EntryRequest.of("p1:" + i, EntryKind.TRANSFER, "process:1",
                        Leg.transfer(shared, shop, Amount.pt(1))));
            }
            long postedHere = 0;
            for (int from = 0; from < EACH; from += 100) {
                for (PostResult result : ledger.postAll(mine.subList(from, from + 100))) {
                    assertThat(result.code()).isIn(ResultCode.POSTED, ResultCode.INSUFFICIENT_FUNDS);
                    postedHere += result.code() == ResultCode.POSTED ? 1 : 0;
                }
            }
            String output;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8))) {
                output = String.join("\n", reader.lines().toList());
            }
            assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).as(output).isZero();
            long postedThere = Long.parseLong(output.substring(output.lastIndexOf("posted=") + 7).trim());

            assertThat(postedHere + postedThere).isEqualTo(5_000);
            assertThat(postedThere).as("the other process must have posted too").isPositive();
            assertThat(ledger.balance(shared).orElseThrow().posted()).isZero();
            assertThat(ledger.balance(shop).orElseThrow().posted()).isEqualTo(5_000);
            assertThat(ledger.head().sequence()).isEqualTo(1 + 5_000);
            assertThat(BooksAudit.problems(database.dataSource(), ledger)).isEmpty();
        }
    }
}

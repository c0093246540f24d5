package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.Ledger;
import kyodo.ledger.journal.SampleBooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hledger and Beancount files give every account the ledger's posted balance (debits − credits). The files
 * are read back here the way those tools read postings: an account name, two spaces, an amount and a commodity.
 */
class PlainTextExportTest {
    private static final Pattern POSTING = Pattern.compile("^ {2,4}(\\S(?:\\S| (?! ))*) {2}(-?[0-9.]+) ([A-Z][A-Z0-9]*)$");
    private static SampleBooks books;

    @BeforeAll
    static void books() {
        books = new SampleBooks(1, 31L).post(600);
    }

    private static Map<String, BigDecimal> balances(String text, Map<String, Set<String>> perTransaction) {
        Map<String, BigDecimal> sums = new HashMap<>();
        int transaction = 0;
        Map<String, BigDecimal> open = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                assertThat(open.values()).as("transaction %d balances per commodity", transaction)
                        .allMatch(sum -> sum.signum() == 0);
                open.clear();
                transaction++;
                continue;
            }
            Matcher posting = POSTING.matcher(line);
            if (posting.matches()) {
                BigDecimal amount = new BigDecimal(posting.group(2));
                sums.merge(posting.group(1), amount, BigDecimal::add);
                open.merge(posting.group(3), amount, BigDecimal::add);
                perTransaction.computeIfAbsent("all", k -> new HashSet<>()).add(posting.group(1));
            }
        }
        return sums;
    }

    private static void assertPostedBalances(Map<String, BigDecimal> sums, java.util.function.Function<Account, String> name) {
        Ledger ledger = books.ledger();
        int checked = 0;
        for (Account account : new LedgerExportSource(ledger).accounts()) {
            long expected = Math.subtractExact(account.totals().debitsPosted(), account.totals().creditsPosted());
            assertThat(sums.getOrDefault(name.apply(account), BigDecimal.ZERO))
                    .as("balance of %s", account.code()).isEqualByComparingTo(BigDecimal.valueOf(expected));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void hledgerBalancesEqualTheLedgersPostedBalances() throws Exception {
        StringWriter out = new StringWriter();
        HledgerExport.write(new LedgerExportSource(books.ledger()), out);
        String text = out.toString();
        assertThat(text).contains("merchant:0_商店", "pending leg 0:", "void_pending leg 0:", " DISBURSE ");
        assertPostedBalances(balances(text, new HashMap<>()), HledgerExport::accountName);
    }

    @Test
    void hledgerItselfAcceptsTheExportStrictlyAndPrintsThePostedBalances(@TempDir Path dir) throws Exception {
        Path hledger = Path.of("/usr/bin/hledger");
        assertThat(Files.isExecutable(hledger)).as("hledger is installed at " + hledger + " (Debian's hledger)")
                .isTrue();
        Path file = dir.resolve("books.journal");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            HledgerExport.write(new LedgerExportSource(books.ledger()), out);
        }
        assertThat(Files.readString(file)).contains("commodity 1. PT", "commodity 1. JPY");

        Run strict = run(hledger.toString(), "-f", file.toString(), "check", "--strict");
        assertThat(strict.status()).as("hledger check --strict: " + strict.output()).isZero();

        Run balances = run(hledger.toString(), "-f", file.toString(), "balance", "--flat", "--no-total", "-O", "csv");
        assertThat(balances.status()).as(balances.output()).isZero();
        Map<String, BigDecimal> printed = new HashMap<>();
        Pattern row = Pattern.compile("^\"(.+)\",\"(-?[0-9.]+) ([A-Z][A-Z0-9]*)\"$");
        for (String line : balances.output().split("\n")) {
            Matcher matcher = row.matcher(line.strip());
            if (matcher.matches()) {
                printed.put(matcher.group(1), new BigDecimal(matcher.group(2)));
            }
        }
        assertPostedBalances(printed, HledgerExport::accountName);
    }

    private record Run(int status, String output) {
    }

    private static Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void beancountBalancesEqualTheLedgersPostedBalancesAndEveryAccountIsOpened() throws Exception {
        StringWriter out = new StringWriter();
        BeancountExport.write(new LedgerExportSource(books.ledger()), out);
        String text = out.toString();
        Map<String, Set<String>> used = new HashMap<>();
        Map<String, BigDecimal> sums = balances(text, used);
        assertPostedBalances(sums, BeancountExport::accountName);
        for (String account : used.get("all")) {
            assertThat(text).contains(" open " + account + " ");
            assertThat(account).matches("(Assets|Liabilities|Equity|Income|Expenses)(:[A-Z0-9][A-Za-z0-9-]*)+");
        }
        assertThat(text).contains("Liabilities:Merchant:0---", "Equity:Issuance:Budget:2026");
    }
}

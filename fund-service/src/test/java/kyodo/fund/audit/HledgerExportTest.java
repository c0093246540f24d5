package kyodo.fund.audit;

import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * hledger (the Debian package; CI installs it) reads the exported journal, and its balance of every account
 * as of a date equals the workspace's trial balance as of that date. Runs hledger as a process and fails,
 * never skips, when it is missing.
 */
class HledgerExportTest extends AuditTest {
    @Autowired
    TrialBalances trialBalances;

    @Test
    void hledgerReadsTheExportAndItsBalancesEqualTheTrialBalance(@TempDir Path directory) throws Exception {
        LocalDate day = freshDays(2);
        String tag = unique("audit:hledger");
        at(day, LocalTime.of(11, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        AccountId issuance = open(tag + ":issuance", Asset.PT, AccountKind.EQUITY);
        AccountId wallet = open(tag + ":wallet", Asset.PT, AccountKind.LIABILITY);
        transfer(unique("hl"), EntryKind.DONATION, "staff-hl", cash, gifts, Amount.yen(31_415));
        transfer(unique("hl"), EntryKind.ISSUE, "staff-hl", issuance, wallet, Amount.pt(271));
        at(day.plusDays(1), LocalTime.of(11, 0));
        transfer(unique("hl"), EntryKind.DONATION, "staff-hl", cash, gifts, Amount.yen(1_618));

        Path journal = directory.resolve("kyodo.journal");
        byte[] export = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/fund/audit/exports/hledger").with(as("auditor-hl", "AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("kyodo.journal")))
                .andReturn().getResponse().getContentAsByteArray();
        Files.write(journal, export);

        for (LocalDate asOf : List.of(day, day.plusDays(1))) {
            Map<String, BigDecimal> hledger = hledgerBalances(journal, asOf);
            Map<String, Long> expected = trialBalanceNets(asOf);
            assertThat(expected).as("accounts with a balance as of %s", asOf).containsKey(tag + ":cash");
            for (Map.Entry<String, Long> account : expected.entrySet()) {
                assertThat(hledger.getOrDefault(account.getKey(), BigDecimal.ZERO))
                        .as("hledger's balance of %s as of %s", account.getKey(), asOf)
                        .isEqualByComparingTo(BigDecimal.valueOf(account.getValue()));
            }
            for (Map.Entry<String, BigDecimal> account : hledger.entrySet()) {
                assertThat(BigDecimal.valueOf(expected.getOrDefault(account.getKey(), 0L)))
                        .as("trial balance of %s (reported by hledger) as of %s", account.getKey(), asOf)
                        .isEqualByComparingTo(account.getValue());
            }
        }
    }

    /** Debits − credits of every account with a non-zero posted balance, the sign hledger shows. */
    private Map<String, Long> trialBalanceNets(LocalDate asOf) {
        Map<String, Long> nets = new HashMap<>();
        String after = null;
        do {
            TrialBalances.Sheet sheet = trialBalances.asOf(asOf, after, TrialBalances.PAGE_MAX);
            for (TrialBalances.AccountLine line : sheet.accounts()) {
                long net = line.debitsPosted() - line.creditsPosted();
                if (net != 0) {
                    nets.put(line.code(), net);
                }
            }
            after = sheet.nextAfter();
        } while (after != null);
        return nets;
    }

    /** {@code hledger -f FILE bal --flat -O csv -e DAY+1}: each account's own balance up to the end of {@code asOf}. */
    private static Map<String, BigDecimal> hledgerBalances(Path journal, LocalDate asOf) throws Exception {
        List<String> command = List.of("hledger", "-f", journal.toString(), "balance", "--flat", "--no-total",
                "-O", "csv", "-e", asOf.plusDays(1).toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("hledger is not installed or not on the PATH (" + e.getMessage() + "). Install the Debian package "
                    + "'hledger' (apt-get install hledger); CI's .ci/run installs it.");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hledger finished").isTrue();
        assertThat(process.exitValue()).as("hledger exit status; it said:%n%s", output).isZero();
        Map<String, BigDecimal> balances = new HashMap<>();
        List<String> lines = new ArrayList<>(output.lines().toList());
        assertThat(lines).as("hledger's CSV").isNotEmpty();
        assertThat(lines.get(0)).isEqualTo("\"account\",\"balance\"");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\",\"");
            String account = cells[0].substring(1);
            String amount = cells[1].substring(0, cells[1].length() - 1);
            String number = amount.split(" ")[0].replace(",", "");
            balances.merge(account, new BigDecimal(number), BigDecimal::add);
        }
        return balances;
    }
}

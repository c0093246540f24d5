package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import com.jayway.jsonpath.JsonPath;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.EntryKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Trial balance, account statements and the journal search against postings made on known business days. */
class AuditBooksTest extends AuditTest {
    private static final RequestPostProcessor AUDITOR = as("auditor-books", "AUDITOR");
    private static final LocalTime LAST_MICROSECOND = LocalTime.of(23, 59, 59, 999_999_000);

    @Autowired
    TrialBalances trialBalances;

    @Test
    void theTrialBalanceAsOfADateCountsExactlyThePostingsUpToTheEndOfThatDay() throws Exception {
        LocalDate day = freshDays(3);
        String tag = unique("audit:tb");
        at(day, LocalTime.of(9, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        AccountId issuance = open(tag + ":issuance", Asset.PT, AccountKind.EQUITY);
        AccountId wallet = open(tag + ":wallet", Asset.PT, AccountKind.LIABILITY,
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        List<TrialBalances.AssetTotals> before = trialBalances.totals(day);

        at(day.plusDays(1), LocalTime.of(10, 0));
        transfer(unique("tb-yen"), EntryKind.DONATION, "staff-tb", cash, gifts, Amount.yen(12_345));
        transfer(unique("tb-pt"), EntryKind.ISSUE, "staff-tb", issuance, wallet, Amount.pt(700));
        at(day.plusDays(1), LAST_MICROSECOND);
        transfer(unique("tb-yen"), EntryKind.DONATION, "staff-tb", cash, gifts, Amount.yen(55));
        at(day.plusDays(2), LocalTime.MIDNIGHT);
        transfer(unique("tb-yen"), EntryKind.DONATION, "staff-tb", cash, gifts, Amount.yen(1_000));
        transfer(unique("tb-pt"), EntryKind.TRANSFER, "resident-tb", wallet, issuance, Amount.pt(30));

        assertThat(trialBalances.totals(day)).as("as of the day before the postings").isEqualTo(before);
        Map<String, BigInteger> dayOne = Map.of("JPY", BigInteger.valueOf(12_345 + 55), "PT", BigInteger.valueOf(700));
        Map<String, BigInteger> dayTwo = Map.of("JPY", BigInteger.valueOf(1_000), "PT", BigInteger.valueOf(30));
        assertThat(trialBalances.totals(day.plusDays(1))).isEqualTo(plus(before, dayOne));
        assertThat(trialBalances.totals(day.plusDays(2))).isEqualTo(plus(plus(before, dayOne), dayTwo));

        TrialBalances.Sheet sheet = trialBalances.asOf(day.plusDays(1), tag, TrialBalances.PAGE_MAX);
        Map<String, Long> mine = new HashMap<>();
        for (TrialBalances.AccountLine line : sheet.accounts()) {
            if (line.code().startsWith(tag + ":")) {
                mine.put(line.code(), line.balance());
            }
        }
        assertThat(mine).containsEntry(tag + ":cash", 12_345L + 55).containsEntry(tag + ":gifts", 12_345L + 55)
                .containsEntry(tag + ":issuance", -700L).containsEntry(tag + ":wallet", 700L);

        api().get(AUDITOR, "/api/fund/audit/trial-balance?date=" + day.plusDays(2) + "&after=" + tag + "&limit=4")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[0].code").value(tag + ":cash"))
                .andExpect(jsonPath("$.accounts[0].balance").value(12_345 + 55 + 1_000))
                .andExpect(jsonPath("$.accounts[3].code").value(tag + ":wallet"))
                .andExpect(jsonPath("$.accounts[3].balance").value(700 - 30));
    }

    @Test
    void everyAccountOfTheTrialBalanceAgreesWithTheLedgersBalanceAsOfTheDateAndTheSumsWithItsTotals() {
        LocalDate day = freshDays(2);
        String tag = unique("audit:every");
        at(day, LocalTime.of(8, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        transfer(unique("every"), EntryKind.DONATION, "staff-every", cash, gifts, Amount.yen(4_321));
        at(day.plusDays(1), LocalTime.of(8, 0));
        transfer(unique("every"), EntryKind.DONATION, "staff-every", cash, gifts, Amount.yen(9_999));

        Map<String, BigInteger[]> sums = new HashMap<>();
        Map<String, Long> balances = new HashMap<>();
        String after = null;
        do {
            TrialBalances.Sheet sheet = trialBalances.asOf(day, after, 7);
            for (TrialBalances.AccountLine line : sheet.accounts()) {
                Balance expected = ledger.balance(ledger.account(line.code()).orElseThrow().id(),
                        BusinessCalendar.endOf(day)).orElseThrow();
                assertThat(new long[] {line.debitsPosted(), line.creditsPosted(), line.debitsPending(),
                        line.creditsPending()}).as(line.code()).containsExactly(expected.totals().debitsPosted(),
                        expected.totals().creditsPosted(), expected.totals().debitsPending(),
                        expected.totals().creditsPending());
                BigInteger[] sum = sums.computeIfAbsent(line.asset(), a -> new BigInteger[] {BigInteger.ZERO,
                        BigInteger.ZERO});
                sum[0] = sum[0].add(BigInteger.valueOf(line.debitsPosted()));
                sum[1] = sum[1].add(BigInteger.valueOf(line.creditsPosted()));
                balances.put(line.code(), line.balance());
            }
            after = sheet.nextAfter();
        } while (after != null);
        assertThat(balances).containsEntry(tag + ":cash", 4_321L).containsEntry(tag + ":gifts", 4_321L);
        for (TrialBalances.AssetTotals totals : trialBalances.totals(day)) {
            BigInteger[] sum = sums.getOrDefault(totals.asset(), new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            assertThat(sum[0]).as("debits of %s", totals.asset()).isEqualTo(totals.debitsPosted());
            assertThat(sum[1]).as("credits of %s", totals.asset()).isEqualTo(totals.creditsPosted());
            assertThat(totals.balanced()).isTrue();
        }
    }

    @Test
    void aStatementsOpeningPlusItsMovementsIsItsClosingOnEveryPage() throws Exception {
        LocalDate day = freshDays(4);
        String tag = unique("audit:statement");
        at(day, LocalTime.of(9, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        long[] beforePeriod = {500, 40};
        long[] inPeriod = {1_000, -300, 200, 700, -125};
        long[] afterPeriod = {50};
        for (long yen : beforePeriod) {
            post(cash, gifts, yen);
        }
        at(day.plusDays(1), LocalTime.MIDNIGHT);
        for (int i = 0; i < inPeriod.length; i++) {
            if (i == 3) {
                at(day.plusDays(2), LAST_MICROSECOND);
            }
            post(cash, gifts, inPeriod[i]);
        }
        at(day.plusDays(3), LocalTime.MIDNIGHT);
        for (long yen : afterPeriod) {
            post(cash, gifts, yen);
        }

        long opening = 0;
        for (long yen : beforePeriod) {
            opening += yen;
        }
        List<Long> changes = new ArrayList<>();
        long after = 0;
        long firstOpening = Long.MIN_VALUE;
        long closing = 0;
        do {
            String body = api().get(AUDITOR, "/api/fund/audit/statements?account=" + tag + ":cash&from="
                            + day.plusDays(1) + "&to=" + day.plusDays(2) + "&limit=2&after=" + after)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            long pageOpening = ((Number) JsonPath.read(body, "$.opening")).longValue();
            firstOpening = firstOpening == Long.MIN_VALUE ? pageOpening : firstOpening;
            assertThat(pageOpening).isEqualTo(firstOpening);
            closing = ((Number) JsonPath.read(body, "$.closing")).longValue();
            List<Number> page = JsonPath.read(body, "$.lines[*].postedChange");
            assertThat(page.size()).isLessThanOrEqualTo(2);
            page.forEach(n -> changes.add(n.longValue()));
            after = ((Number) JsonPath.read(body, "$.nextAfter")).longValue();
        } while (after != 0);

        assertThat(firstOpening).isEqualTo(opening);
        assertThat(changes).containsExactly(boxed(inPeriod));
        long movements = changes.stream().mapToLong(Long::longValue).sum();
        assertThat(closing).isEqualTo(firstOpening + movements);
        assertThat(closing).isEqualTo(ledger.balance(cash,
                BusinessCalendar.endOf(day.plusDays(2))).orElseThrow().posted());

        api().get(AUDITOR, "/api/fund/audit/statements?account=no:such:account&from=" + day + "&to=" + day)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        api().get(AUDITOR, "/api/fund/audit/statements?account=" + tag + ":cash&from=" + day.plusDays(2) + "&to=" + day)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
    }

    @Test
    void theJournalSearchFiltersByPeriodKindAccountAndUserAndPagesThroughEverything() throws Exception {
        LocalDate day = freshDays(3);
        String tag = unique("audit:search");
        String alice = unique("alice");
        String bob = unique("bob");
        at(day, LocalTime.of(9, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        AccountId other = open(unique("audit:elsewhere") + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId otherGifts = open(unique("audit:elsewhere") + ":gifts", Asset.JPY, AccountKind.EQUITY);
        String a1 = unique("s");
        transfer(a1, EntryKind.DONATION, alice, other, otherGifts, Amount.yen(10));
        at(day.plusDays(1), LocalTime.of(9, 0));
        String a2 = unique("s");
        transfer(a2, EntryKind.REVERSAL, alice, otherGifts, other, Amount.yen(5));
        String b1 = unique("s");
        transfer(b1, EntryKind.DONATION, bob, cash, gifts, Amount.yen(20));
        at(day.plusDays(2), LocalTime.of(9, 0));
        String a3 = unique("s");
        transfer(a3, EntryKind.DONATION, alice, other, otherGifts, Amount.yen(30));
        String b2 = unique("s");
        transfer(b2, EntryKind.TRANSFER, bob, gifts, cash, Amount.yen(7));

        assertThat(keys("user=" + alice)).containsExactly(a1, a2, a3);
        assertThat(keys("user=" + alice + "&kind=DONATION")).containsExactly(a1, a3);
        assertThat(keys("user=" + alice + "&from=" + day.plusDays(1) + "&to=" + day.plusDays(1))).containsExactly(a2);
        assertThat(keys("account=" + tag + ":")).containsExactly(b1, b2);
        assertThat(keys("account=" + tag + ":&kind=TRANSFER")).containsExactly(b2);
        assertThat(keys("from=" + day.plusDays(1) + "&to=" + day.plusDays(2) + "&user=" + bob)).containsExactly(b1, b2);
        assertThat(keys("from=" + day + "&to=" + day.plusDays(2))).containsSubsequence(a1, a2, b1, a3, b2);

        List<String> paged = new ArrayList<>();
        long after = 0;
        do {
            String body = api().get(AUDITOR, "/api/fund/audit/journal?user=" + alice + "&limit=1&after=" + after)
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> page = JsonPath.read(body, "$.entries[*].key");
            assertThat(page.size()).isLessThanOrEqualTo(1);
            paged.addAll(page);
            after = ((Number) JsonPath.read(body, "$.nextAfter")).longValue();
        } while (after != 0);
        assertThat(paged).containsExactly(a1, a2, a3);

        api().get(AUDITOR, "/api/fund/audit/journal?account=" + tag + ":cash&user=" + bob)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].legs[0].debit").value(tag + ":cash"))
                .andExpect(jsonPath("$.entries[0].legs[0].credit").value(tag + ":gifts"))
                .andExpect(jsonPath("$.entries[0].legs[0].amount").value(20));
        api().get(AUDITOR, "/api/fund/audit/journal?kind=not%20a%20kind").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        api().get(AUDITOR, "/api/fund/audit/journal?from=2030-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
    }

    @Test
    void aTooBroadAccountPrefixIsRefusedRatherThanScanned() throws Exception {
        String tag = unique("audit:broad");
        at(freshDays(1), LocalTime.of(9, 0));
        List<kyodo.ledger.AccountSpec> specs = new ArrayList<>();
        for (int i = 0; i <= JournalSearch.PREFIX_ACCOUNTS_MAX; i++) {
            specs.add(kyodo.ledger.AccountSpec.unclassified(tag + ":" + i, Asset.PT, AccountKind.LIABILITY));
        }
        ledger.openAll(specs);
        api().get(AUDITOR, "/api/fund/audit/journal?account=" + tag + ":").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("longer prefix")));
    }

    @Test
    void thePagesShowTheTrialBalanceAStatementAndTheJournalInJapaneseAndEnglish() throws Exception {
        LocalDate day = freshDays(1);
        String tag = unique("audit:pages");
        String actor = unique("page-user");
        at(day, LocalTime.of(14, 0));
        AccountId cash = open(tag + ":cash", Asset.JPY, AccountKind.ASSET);
        AccountId gifts = open(tag + ":gifts", Asset.JPY, AccountKind.EQUITY);
        String key = unique("page");
        transfer(key, EntryKind.DONATION, actor, cash, gifts, Amount.yen(24_680));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/fund/audit/trial-balance").param("date", day.toString()).param("after", tag).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("試算表"),
                                org.hamcrest.Matchers.containsString(tag + ":cash"),
                                org.hamcrest.Matchers.containsString("¥24,680"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/fund/audit/statement").param("account", tag + ":cash").param("from", day.toString())
                        .param("to", day.toString()).header("Accept-Language", "en").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Opening balance"),
                                org.hamcrest.Matchers.containsString("<dd id=\"opening\">¥0</dd>"),
                                org.hamcrest.Matchers.containsString("<dd id=\"closing\">¥24,680</dd>"),
                                org.hamcrest.Matchers.containsString(key))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/fund/audit/journal").param("user", actor).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("仕訳検索"),
                                org.hamcrest.Matchers.containsString(key),
                                org.hamcrest.Matchers.containsString("借 " + tag + ":cash"))));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/fund/audit/journal").param("from", "yesterday").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("from must be a date such as 2026-04-01")));
    }

    private List<String> keys(String query) throws Exception {
        String body = api().get(AUDITOR, "/api/fund/audit/journal?limit=200&" + query).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.entries[*].key");
    }

    private void post(AccountId cash, AccountId gifts, long yen) {
        if (yen > 0) {
            transfer(unique("st"), EntryKind.DONATION, "staff-st", cash, gifts, Amount.yen(yen));
        } else {
            transfer(unique("st"), EntryKind.REVERSAL, "staff-st", gifts, cash, Amount.yen(-yen));
        }
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static List<TrialBalances.AssetTotals> plus(List<TrialBalances.AssetTotals> totals,
                                                       Map<String, BigInteger> posted) {
        Map<String, TrialBalances.AssetTotals> byAsset = new HashMap<>();
        for (TrialBalances.AssetTotals t : totals) {
            byAsset.put(t.asset(), t);
        }
        for (String asset : posted.keySet()) {
            byAsset.putIfAbsent(asset, new TrialBalances.AssetTotals(asset, BigInteger.ZERO, BigInteger.ZERO,
                    BigInteger.ZERO, BigInteger.ZERO, true));
        }
        List<TrialBalances.AssetTotals> result = new ArrayList<>();
        byAsset.keySet().stream().sorted().forEach(asset -> {
            TrialBalances.AssetTotals t = byAsset.get(asset);
            BigInteger amount = posted.getOrDefault(asset, BigInteger.ZERO);
            result.add(new TrialBalances.AssetTotals(asset, t.debitsPosted().add(amount), t.creditsPosted().add(amount),
                    t.debitsPending(), t.creditsPending(), t.balanced()));
        });
        return result;
    }
}

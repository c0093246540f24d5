package kyodo.fund.report;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The points report against plain SQL over the legs, on accounts of the points account scheme created directly
 * through the ledger (as the earning and voucher features will create them).
 */
class PointsReportTest extends ReportWebTest {
    private static final TestDatabase DATABASE = TestDatabase.create("points_report");
    private static final ZoneId WARD = ZoneId.of("Asia/Tokyo");
    private static final FiscalYear YEAR = new FiscalYear(2026);
    private static final String CIRCULATING = "(%1$s like 'wallet:%%' or %1$s = 'vouchers:outstanding:pt')";
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    PublicReports reports;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        properties(registry, DATABASE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyPointsFigureEqualsARecomputationFromTheLegsAtTheCheckpoint() throws Exception {
        at("2026-10-05T01:00:00Z");
        AccountId issuance = open("issuance:pt", AccountKind.EQUITY);
        AccountId budget = open("budget:pt:2026", AccountKind.EQUITY, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        AccountId hanako = wallet("wallet:resident:1:2026-10");
        AccountId taro = wallet("wallet:resident:2:2026-10");
        AccountId group = wallet("wallet:group:5:2026-10");
        AccountId bakery = wallet("wallet:merchant:7");
        AccountId cafe = wallet("wallet:merchant:8");
        AccountId vouchers = wallet("vouchers:outstanding:pt");
        AccountId expired = open("expired:pt", AccountKind.EQUITY);
        AccountId settled = open("settled:pt", AccountKind.EQUITY);
        post("BUDGET", issuance, budget, 100_000);
        post("ISSUE", budget, hanako, 5_000);
        post("ISSUE", budget, taro, 3_000);
        post("VOUCHER_ISSUE", budget, vouchers, 1_000);
        at("2026-11-10T03:00:00Z");
        post("SPEND", hanako, bakery, 1_200);
        post("TRANSFER", hanako, taro, 300);
        post("TRANSFER", taro, group, 200);
        post("VOUCHER_REDEEM", vouchers, cafe, 500);
        post("REVERSAL", bakery, hanako, 200);
        at("2026-12-24T05:00:00Z");
        post("EXPIRE", taro, expired, 100);
        post("SETTLE", bakery, settled, 1_000);
        long checkpoint = checkpoint();
        at("2027-01-05T01:00:00Z");
        post("SPEND", hanako, cafe, 999);
        post("ISSUE", budget, taro, 777);

        PointsReport report = reports.points(YEAR);

        assertThat(report.checkpoint().treeSize()).isEqualTo(checkpoint);
        assertThat(report.months()).extracting(PointsReport.Month::month)
                .contains(YearMonth.of(2026, 12)).doesNotContain(YearMonth.of(2027, 1));
        for (PointsReport.Month month : report.months()) {
            LocalDate from = month.month().atDay(1);
            LocalDate to = month.month().atEndOfMonth().plusDays(1);
            String at = "for " + month.month();
            assertThat(month.issued()).as("issued " + at).isEqualTo(
                    between(checkpoint, from, to, origin("d") + " and not " + origin("c"))
                            - between(checkpoint, from, to, origin("c") + " and not " + origin("d")));
            assertThat(month.spent()).as("spent " + at).isEqualTo(
                    between(checkpoint, from, to, payer("d") + " and c.code like 'wallet:merchant:%'")
                            - between(checkpoint, from, to, "d.code like 'wallet:merchant:%' and " + holder("c")));
            assertThat(month.transferred()).as("transferred " + at)
                    .isEqualTo(between(checkpoint, from, to, holder("d") + " and " + holder("c")));
            assertThat(month.expired()).as("expired " + at)
                    .isEqualTo(between(checkpoint, from, to, "c.code = 'expired:pt'"));
            assertThat(month.settled()).as("settled " + at)
                    .isEqualTo(between(checkpoint, from, to, "c.code = 'settled:pt'"));
            assertThat(month.outstanding()).as("outstanding " + at).isEqualTo(
                    between(checkpoint, LocalDate.of(2000, 1, 1), to, CIRCULATING.formatted("c.code"))
                            - between(checkpoint, LocalDate.of(2000, 1, 1), to, CIRCULATING.formatted("d.code")));
            assertThat(month.activeResidents()).as("active residents " + at).isEqualTo(jdbc.sql("""
                            select count(distinct split_part(a.code, ':', 3))
                              from leg l join account a on a.ledger_id = l.ledger_id
                                              and a.id in (l.debit_account_id, l.credit_account_id)
                             where l.ledger_id = 1 and l.sequence <= ? and a.code like 'wallet:resident:%'
                               and l.posted_at >= ? and l.posted_at < ?""")
                    .param(checkpoint).param(start(from)).param(start(to)).query(Long.class).single());
        }
        LocalDate yearEnd = YEAR.lastDay().plusDays(1);
        assertThat(report.budget()).isEqualTo(between(checkpoint, LocalDate.of(2000, 1, 1), yearEnd,
                "c.code = 'budget:pt:2026'"));
        assertThat(report.budgetUsed()).isEqualTo(between(checkpoint, LocalDate.of(2000, 1, 1), yearEnd,
                "d.code = 'budget:pt:2026'")).isPositive();
        Map<Long, Long> merchants = new TreeMap<>();
        report.merchants().forEach(m -> merchants.put(m.merchantId(), m.spent()));
        Map<Long, Long> expectedMerchants = new TreeMap<>();
        for (long id : new long[] {7, 8}) {
            String code = "'wallet:merchant:" + id + "'";
            long spent = between(checkpoint, YEAR.firstDay(), yearEnd, payer("d") + " and c.code = " + code)
                    - between(checkpoint, YEAR.firstDay(), yearEnd, "d.code = " + code + " and " + holder("c"));
            if (spent != 0) {
                expectedMerchants.put(id, spent);
            }
        }
        assertThat(merchants).isEqualTo(expectedMerchants).isNotEmpty();
        assertThat(report.issued()).as("conservation: issued = outstanding + expired + settled")
                .isEqualTo(report.outstanding() + report.expired()
                        + report.months().stream().mapToLong(PointsReport.Month::settled).sum());

        String json = mvc.perform(get("/api/fund/reports/2026/points.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpoint.treeSize").value(checkpoint))
                .andExpect(jsonPath("$.budgetUsed").value(report.budgetUsed()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"months\"");
        String page = mvc.perform(get("/fund/points-report").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("地域通貨ポイント報告 2026年度", "id=\"table-points\"", "加盟店ごとの利用ポイント");
        String english = mvc.perform(get("/fund/points-report").param("year", "2026")
                        .header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Community points report, fiscal year 2026", "Circulation by merchant");
    }

    private long between(long treeSize, LocalDate from, LocalDate to, String condition) {
        return jdbc.sql("""
                        select coalesce(sum(l.amount), 0)
                          from leg l
                          join account d on d.ledger_id = l.ledger_id and d.id = l.debit_account_id
                          join account c on c.ledger_id = l.ledger_id and c.id = l.credit_account_id
                         where l.ledger_id = 1 and l.sequence <= ? and l.asset = 'PT' and l.kind in ('P', 'C')
                           and l.posted_at >= ? and l.posted_at < ? and (%s)""".formatted(condition))
                .param(treeSize).param(start(from)).param(start(to)).query(Long.class).single();
    }

    private static String origin(String side) {
        return "(%1$s.code = 'issuance:pt' or %1$s.code like 'budget:pt:%%')".formatted(side);
    }

    private static String holder(String side) {
        return "(%1$s.code like 'wallet:resident:%%' or %1$s.code like 'wallet:group:%%')".formatted(side);
    }

    private static String payer(String side) {
        return "(%1$s.code like 'wallet:resident:%%' or %1$s.code like 'wallet:group:%%' or %1$s.code = 'vouchers:outstanding:pt')"
                .formatted(side);
    }

    private AccountId open(String code, AccountKind kind, AccountFlag... flags) {
        return ledger.open(AccountSpec.of(code, Asset.PT, kind, flags)).orThrow().id();
    }

    private AccountId wallet(String code) {
        return ledger.open(AccountSpec.wallet(code, Asset.PT)).orThrow().id();
    }

    private void post(String kind, AccountId from, AccountId to, long points) {
        assertThat(ledger.post(EntryRequest.of("points-test-" + KEYS.incrementAndGet(), new EntryKind(kind), "test",
                Leg.transfer(from, to, Amount.pt(points)))).onTheBooks()).isTrue();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WARD).toInstant());
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}

package kyodo.wallet.report;

import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.Leg;
import kyodo.ledger.LegKind;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.journal.postgres.JournalFollower;
import kyodo.ledger.journal.postgres.PostgresJournal;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.TestSetup;
import kyodo.ledger.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The points report against an independent recomputation: a replay of the journal's entries through the ledger,
 * accounts told by their codes (never by their classes), on accounts of the points scheme opened directly through
 * the ledger as the currency's features open them. The application has a database and a clock of its own here: the
 * test moves the clock through a fiscal year, and the ledger never lets time go back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(PointsReportTest.ClockConfiguration.class)
class PointsReportTest {
    private static final TestDatabase DATABASE = TestDatabase.create("points_report");
    private static final Path KEYS = TestSetup.keysDirectory("kyodo-points-report-keys");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-10-05T01:00:00Z"));
    private static final FiscalYear YEAR = new FiscalYear(2026);
    private static final AtomicInteger KEYS_USED = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        @Primary
        MutableClock pointsReportClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> "https://kyodo.example");
        registry.add("kyodo.demo.enabled", () -> "false");
        registry.add("kyodo.points.expiry-scheduled", () -> "false");
        // The test signs the checkpoints itself: one for every growth of the tree, none on a timer meanwhile.
        registry.add("kyodo.journal.checkpoint-entries", () -> "1");
        registry.add("kyodo.journal.follow-interval", () -> "1h");
        registry.add("kyodo.journal.keys-directory", () -> KEYS.resolve("journal").toString());
        registry.add("kyodo.report.follow-interval", () -> "0s");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Ledger ledger;
    @Autowired
    DataSource dataSource;
    @Autowired
    JournalFollower journalFollower;
    @Autowired
    PointsReports points;

    @Test
    void everyPointsFigureEqualsARecomputationFromTheLegsAtTheCheckpoint() throws Exception {
        at("2026-10-05T01:00:00Z");
        YearMonth october = YearMonth.of(2026, 10);
        AccountId issuance = open("issuance:pt", AccountClass.of(AccountOwner.WARD, AccountPurpose.ISSUANCE));
        AccountId budget = open("budget:pt:2026", AccountClass.budget(AccountOwner.WARD, YEAR),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
        AccountId hanako = wallet("wallet:resident:1:2026-10", AccountClass.vintage(AccountOwner.resident(1), october));
        AccountId taro = wallet("wallet:resident:2:2026-10", AccountClass.vintage(AccountOwner.resident(2), october));
        AccountId group = wallet("wallet:group:5:2026-10", AccountClass.vintage(AccountOwner.group(5), october));
        AccountId bakery = wallet("wallet:merchant:7", AccountClass.wallet(AccountOwner.merchant(7)));
        AccountId cafe = wallet("wallet:merchant:8", AccountClass.wallet(AccountOwner.merchant(8)));
        AccountId vouchers = wallet("vouchers:outstanding:pt",
                AccountClass.of(AccountOwner.WARD, AccountPurpose.VOUCHERS_OUTSTANDING));
        AccountId expired = open("expired:pt", AccountClass.of(AccountOwner.WARD, AccountPurpose.EXPIRED));
        AccountId settled = open("settled:pt", AccountClass.of(AccountOwner.WARD, AccountPurpose.SETTLED));
        AccountId fund = open("fund:pt", AccountClass.of(AccountOwner.FUND, AccountPurpose.DONATED_POINTS));
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
        // a group gives points to the fund on a day the daily table covers, and again on the checkpoint's day
        post("TRANSFER", group, fund, 80);
        at("2026-12-24T05:00:00Z");
        post("EXPIRE", taro, expired, 100);
        post("SETTLE", bakery, settled, 1_000);
        post("TRANSFER", group, fund, 70);
        // expired points the policy gives to the fund are expired, not donated
        post("EXPIRE", hanako, fund, 40);
        long checkpoint = checkpoint();
        at("2027-01-05T01:00:00Z");
        post("SPEND", hanako, cafe, 999);
        post("ISSUE", budget, taro, 777);

        PointsReport report = points.compute(YEAR);

        assertThat(report.checkpoint().treeSize()).isEqualTo(checkpoint);
        assertThat(report.months()).extracting(PointsReport.Month::month)
                .contains(YearMonth.of(2026, 12)).doesNotContain(YearMonth.of(2027, 1));
        List<Line> journal = journal(checkpoint);
        LocalDate beginning = LocalDate.of(2000, 1, 1);
        for (PointsReport.Month month : report.months()) {
            LocalDate from = month.month().atDay(1);
            LocalDate to = month.month().atEndOfMonth().plusDays(1);
            String at = "for " + month.month();
            assertThat(month.issued()).as("issued " + at).isEqualTo(
                    sum(journal, from, to, l -> origin(l.debit()) && !origin(l.credit()))
                            - sum(journal, from, to, l -> origin(l.credit()) && !origin(l.debit())));
            assertThat(month.spent()).as("spent " + at).isEqualTo(
                    sum(journal, from, to, l -> payer(l.debit()) && l.credit().startsWith("wallet:merchant:"))
                            - sum(journal, from, to, l -> l.debit().startsWith("wallet:merchant:")
                            && holder(l.credit())));
            assertThat(month.transferred()).as("transferred " + at)
                    .isEqualTo(sum(journal, from, to, l -> holder(l.debit()) && holder(l.credit())));
            assertThat(month.expired()).as("expired " + at).isEqualTo(sum(journal, from, to,
                    l -> l.credit().equals("expired:pt") || l.credit().equals("fund:pt") && l.kind().equals("EXPIRE")));
            assertThat(month.donated()).as("donated " + at).isEqualTo(sum(journal, from, to,
                    l -> l.credit().equals("fund:pt") && l.kind().equals("TRANSFER")));
            assertThat(month.settled()).as("settled " + at)
                    .isEqualTo(sum(journal, from, to, l -> l.credit().equals("settled:pt")));
            assertThat(month.outstanding()).as("outstanding " + at).isEqualTo(
                    sum(journal, beginning, to, l -> circulating(l.credit()))
                            - sum(journal, beginning, to, l -> circulating(l.debit())));
            Set<String> active = new HashSet<>();
            for (Line l : journal) {
                if (within(l, from, to)) {
                    for (String code : List.of(l.debit(), l.credit())) {
                        if (code.startsWith("wallet:resident:")) {
                            active.add(code.split(":")[2]);
                        }
                    }
                }
            }
            assertThat(month.activeResidents()).as("active residents " + at).isEqualTo(active.size());
        }
        LocalDate yearEnd = YEAR.lastDay().plusDays(1);
        assertThat(report.budget()).isEqualTo(sum(journal, beginning, yearEnd,
                l -> l.credit().equals("budget:pt:2026")));
        assertThat(report.budgetUsed()).isEqualTo(sum(journal, beginning, yearEnd,
                l -> l.debit().equals("budget:pt:2026"))).isPositive();
        Map<Long, Long> merchants = new TreeMap<>();
        report.merchants().forEach(m -> merchants.put(m.merchantId().value(), m.spent()));
        Map<Long, Long> expectedMerchants = new TreeMap<>();
        for (long id : new long[] {7, 8}) {
            String code = "wallet:merchant:" + id;
            long spent = sum(journal, YEAR.firstDay(), yearEnd, l -> payer(l.debit()) && l.credit().equals(code))
                    - sum(journal, YEAR.firstDay(), yearEnd, l -> l.debit().equals(code) && holder(l.credit()));
            if (spent != 0) {
                expectedMerchants.put(id, spent);
            }
        }
        assertThat(merchants).isEqualTo(expectedMerchants).isNotEmpty();
        assertThat(report.donated()).as("both gifts of the group counted").isEqualTo(150);
        assertThat(report.issued()).as("conservation: issued = outstanding + expired + donated + settled")
                .isEqualTo(report.outstanding() + report.expired() + report.donated()
                        + report.months().stream().mapToLong(PointsReport.Month::settled).sum());

        String json = mvc.perform(get("/api/fund/reports/2026/points.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpoint.treeSize").value(checkpoint))
                .andExpect(jsonPath("$.budgetUsed").value(report.budgetUsed()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"months\"").as("the gifts are open data too").contains("\"donated\":80")
                .contains("\"donated\":70");
        String page = mvc.perform(get("/fund/points-report").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("地域通貨ポイント報告 2026年度", "id=\"table-points\"", "加盟店ごとの利用ポイント");
        String english = mvc.perform(get("/fund/points-report").param("year", "2026")
                        .header("Accept-Language", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Community points report, fiscal year 2026", "Circulation by merchant");
    }

    @Test
    void badYearsAreRefusedClearly() throws Exception {
        mvc.perform(get("/api/fund/reports/20x6/points.json")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        mvc.perform(get("/fund/points-report").param("year", "<script>")).andExpect(status().isBadRequest());
    }

    /** One posted points leg of the journal, by the codes of its accounts. */
    private record Line(Instant postedAt, String kind, String debit, String credit, long amount) {
    }

    /** The posted points legs (transfers and posts of holds) of the entries 1..treeSize, read through the ledger. */
    private List<Line> journal(long treeSize) {
        Map<AccountId, String> codes = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (long from = 1; from <= treeSize; from += HistoryPage.LIMIT_MAX) {
            for (JournalEntry entry : ledger.entries(from, treeSize)) {
                for (JournalLeg leg : entry.legs()) {
                    boolean posted = leg.kind() == LegKind.POSTED || leg.kind() == LegKind.POST_PENDING;
                    if (posted && leg.asset().equals(Asset.PT)) {
                        lines.add(new Line(entry.postedAt(), entry.kind().code(), code(leg.debit(), codes),
                                code(leg.credit(), codes), leg.amount()));
                    }
                }
            }
        }
        return lines;
    }

    private String code(AccountId id, Map<AccountId, String> codes) {
        return codes.computeIfAbsent(id, key -> ledger.account(key).orElseThrow().code());
    }

    private static boolean within(Line line, LocalDate from, LocalDate to) {
        return !line.postedAt().isBefore(BusinessCalendar.startOf(from))
                && line.postedAt().isBefore(BusinessCalendar.startOf(to));
    }

    private static long sum(List<Line> journal, LocalDate from, LocalDate to, Predicate<Line> condition) {
        return journal.stream().filter(l -> within(l, from, to) && condition.test(l)).mapToLong(Line::amount).sum();
    }

    private static boolean origin(String code) {
        return code.equals("issuance:pt") || code.startsWith("budget:pt:");
    }

    private static boolean holder(String code) {
        return code.startsWith("wallet:resident:") || code.startsWith("wallet:group:");
    }

    private static boolean payer(String code) {
        return holder(code) || code.equals("vouchers:outstanding:pt");
    }

    private static boolean circulating(String code) {
        return code.startsWith("wallet:") || code.equals("vouchers:outstanding:pt");
    }

    private AccountId open(String code, AccountClass accountClass, AccountFlag... flags) {
        return ledger.open(AccountSpec.of(code, Asset.PT, AccountKind.EQUITY, accountClass, flags)).orThrow().id();
    }

    private AccountId wallet(String code, AccountClass accountClass) {
        return ledger.open(AccountSpec.wallet(code, Asset.PT, accountClass)).orThrow().id();
    }

    private void post(String kind, AccountId from, AccountId to, long amount) {
        assertThat(ledger.post(EntryRequest.of("points-test-" + KEYS_USED.incrementAndGet(), new EntryKind(kind),
                "test", Leg.transfer(from, to, Amount.pt(amount)))).onTheBooks()).isTrue();
    }

    /** Appends every committed entry to the Merkle tree and signs a checkpoint at the head; returns its size. */
    private long checkpoint() throws Exception {
        journalFollower.catchUp();
        return new PostgresJournal(dataSource, ledger.id()).latestCheckpoint().orElseThrow().treeSize();
    }

    private static void at(String instant) {
        CLOCK.advanceTo(Instant.parse(instant));
    }
}

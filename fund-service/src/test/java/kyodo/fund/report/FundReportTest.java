package kyodo.fund.report;

import com.jayway.jsonpath.JsonPath;
import kyodo.ledger.AccountId;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.LegKind;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.testing.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public fund report against an independent recomputation: a replay of the journal's entries (read one by one
 * through the ledger, accounts told by their codes) and the fund's rows, written here without the report's tables
 * or code, at the checkpoint's tree size. Entries posted after the checkpoint must not count until the next
 * checkpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundReportTest extends ReportWebTest {
    private static final RequestPostProcessor STAFF = as("staff-a", "STAFF");
    private static final RequestPostProcessor STAFF_B = as("staff-b", "STAFF");
    private static final FiscalYear YEAR = new FiscalYear(2026);
    private static final String FORMULA_GROUP = "=HYPERLINK(\"http://evil.example\",\"x\")";
    private static final TestDatabase DATABASE = TestDatabase.create("fund_report");
    private static boolean built;
    private static long firstCheckpoint;
    private static long reportedAward;

    @Autowired
    PublicReports reports;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        properties(registry, DATABASE);
    }

    @BeforeEach
    void world() throws Exception {
        if (built) {
            return;
        }
        built = true;
        at("2026-05-10T01:00:00Z");
        long children = group("coord-a", "こども食堂ひまわり");
        long formula = group("coord-b", FORMULA_GROUP);
        donate("INDIVIDUAL", "山田花子", 10_000, "general", false, true, null);
        donate("COMPANY", "匿名建設株式会社", 50_000, "field:children", true, false, null);
        at("2026-06-02T03:00:00Z");
        donate("INDIVIDUAL", "佐藤一郎", 3_000, "field:children", false, true, "donor-1");
        donate("INDIVIDUAL", "佐藤一郎", 4_000, "group:" + children, false, true, "donor-1");
        long cancelled = donate("INDIVIDUAL", "鈴木次郎", 8_000, "general", false, false, null);
        // Each program takes applications for a day; the committee member scores them; the award follows.
        at("2026-07-15T02:00:00Z");
        long program = program("@SUM(1+1) こども支援", "children", "field:children", 20_000);
        long first = reviewed(application("coord-a", program, children, 20_000));
        long program2 = program("地域づくり助成", "community", "general", 9_000);
        long second = reviewed(application("coord-b", program2, formula, 9_000));
        at("2026-07-20T02:00:00Z");
        reportedAward = pay(first, 20_000, 12_000);
        api().post(as("coord-a", "GROUP_COORDINATOR"), "/api/fund/awards/" + reportedAward + "/report",
                "{\"summary\":\"毎週水曜に延べ480人の子どもが参加しました。\"}").andExpect(status().isCreated());
        api().post(as("committee-1", "COMMITTEE"), "/api/fund/awards/" + reportedAward + "/evaluations",
                "{\"goalAchievement\":4,\"comment\":\"地域に根付いた活動と評価します。\"}")
                .andExpect(status().isCreated());
        pay(second, 9_000, 9_000);
        at("2026-08-20T05:00:00Z");
        api().post(STAFF, "/api/fund/donations/" + cancelled + "/cancel", "{\"reason\":\"二重計上\"}")
                .andExpect(status().isOk());
        firstCheckpoint = checkpoint();
        at("2026-09-01T01:00:00Z");
        donate("COMPANY", "後から株式会社", 70_000, "general", false, true, null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyFigureEqualsARecomputationFromTheLegsAtTheCheckpoint() {
        FundReport report = reports.fund(YEAR);

        assertThat(report.checkpoint().treeSize()).isEqualTo(firstCheckpoint);
        assertThat(report.checkpoint().rootHex()).isEqualTo(jdbc.sql(
                        "select encode(root, 'hex') from journal_checkpoint where ledger_id = 1 and tree_size = ?")
                .param(firstCheckpoint).query(String.class).single());
        assertMatchesRecomputation(report, firstCheckpoint);
        assertThat(report.inBySource()).doesNotContainKey(FundReport.UNRECORDED);
        assertThat(report.totalIn()).isPositive();
        assertThat(report.totalOut()).isPositive();
        assertThat(report.months()).contains(YearMonth.of(2026, 4), YearMonth.of(2026, 8))
                .doesNotContain(YearMonth.of(2026, 9));
    }

    /** Last: it signs the next checkpoint, after which the other tests' checkpoint is no longer the newest. */
    @Test
    @Order(Integer.MAX_VALUE)
    void entriesAfterTheCheckpointCountOnlyFromTheNextCheckpoint() throws Exception {
        long head = ledger.head().sequence();
        assertThat(head).isGreaterThan(firstCheckpoint);
        assertThat(recomputedIn(head)).isNotEqualTo(recomputedIn(firstCheckpoint));
        assertThat(reports.fund(YEAR).inBySourceAndDesignation()).isEqualTo(recomputedIn(firstCheckpoint));

        long next = checkpoint();
        try {
            FundReport later = reports.fund(YEAR);
            assertThat(later.checkpoint().treeSize()).isEqualTo(next);
            assertMatchesRecomputation(later, next);
            assertThat(later.months()).contains(YearMonth.of(2026, 9));
        } finally {
            assertThat(next).isEqualTo(head);
        }
    }

    /**
     * Anyone checks a published figure: the report's proof bundle verifies with the verifier (ledger-core's jar,
     * run here in-process), and the verifier refuses it once one amount is changed, in an entry or in the report.
     */
    @Test
    void theProofBundleVerifiesAndIsRefusedWhenOneAmountChanges() throws Exception {
        byte[] bundle = mvc.perform(get("/api/fund/reports/2026/proof-bundle.jsonl")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/jsonl"))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(bundle, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n"));
        assertThat(lines).hasSize((int) firstCheckpoint + 1);
        assertThat(lines.get(0)).contains("\"type\":\"kyodo-fund-proof-bundle\"")
                .contains("\"treeSize\":" + firstCheckpoint).contains("report-test+");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("{\"type\":\"withheld\"")
                || l.contains("\"key\":\"fund-"));

        Verified good = verify(text);
        assertThat(good.status()).as(good.output()).isZero();
        assertThat(good.output()).contains("OK: the report's figures are what the signed log's fund entries give")
                .contains("recomputed: total money in " + String.format("¥%,d", reports.fund(YEAR).totalIn()));

        // One donation's amount changed in its entry: its leaf no longer hashes into the signed tree.
        String donation = lines.stream().filter(l -> l.contains("\"kind\":\"DONATION\"")
                && l.contains("\"amount\":10000,")).findFirst().orElseThrow();
        Verified entry = verify(text.replace(donation, donation.replace("\"amount\":10000,", "\"amount\":10001,")));
        assertThat(entry.status()).as(entry.output()).isEqualTo(1);
        assertThat(entry.output()).contains("FAILED at sequence").contains("the leaf hash does not match");

        // The same change in the published figures: the entries still verify, the recomputation does not agree.
        String header = lines.get(0);
        String changed = header.replaceFirst("\"inYen\":([0-9]+)", "\"inYen\":1$1");
        assertThat(changed).isNotEqualTo(header);
        Verified figure = verify(text.replace(header, changed));
        assertThat(figure.status()).as(figure.output()).isEqualTo(1);
        assertThat(figure.output()).contains("FAILED").contains("the report's totals are in");
    }

    private record Verified(int status, String output) {
    }

    private static Verified verify(String bundle) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("kyodo-proof-bundle", ".jsonl");
        try {
            java.nio.file.Files.writeString(file, bundle);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int status = kyodo.ledger.journal.verify.Main.run(new String[] {"report", file.toString()},
                    new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            return new Verified(status, out.toString(StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void anonymousDonorsStayAnonymousAndNamesNeedConsent() throws Exception {
        FundReport report = reports.fund(YEAR);
        assertThat(report.namedDonors()).contains("山田花子", "佐藤一郎")
                .doesNotContain("匿名建設株式会社", "鈴木次郎");
        String page = mvc.perform(get("/fund/report").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String json = mvc.perform(get("/api/fund/reports/2026/fund.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String csv = new String(mvc.perform(get("/api/fund/reports/2026/fund.csv")).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String published : List.of(page, json, csv)) {
            assertThat(published).doesNotContain("匿名建設株式会社").doesNotContain("鈴木次郎");
        }
        assertThat(page).contains("山田花子");
    }

    @Test
    void csvHasTheDocumentedColumnsAndNeutralisesFormulas() throws Exception {
        byte[] bytes = mvc.perform(get("/api/fund/reports/2026/fund.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("\"" + String.join("\",\"", OpenData.COLUMNS) + "\"");
        assertThat(lines).hasSize(OpenData.rows(reports.fund(YEAR)).size() + 1);
        String formulaRow = Arrays.stream(lines).filter(l -> l.contains("HYPERLINK")).findFirst().orElseThrow();
        assertThat(formulaRow).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(Arrays.stream(lines).filter(l -> l.contains("SUM(1+1)")).findFirst().orElseThrow())
                .contains("'@SUM(1+1)");
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            assertThat(line).startsWith("2026," + firstCheckpoint + ",");
        }
    }

    @Test
    void jsonCarriesTheCheckpointTotalsAndTheSameRowsAsTheCsv() throws Exception {
        FundReport report = reports.fund(YEAR);
        String json = mvc.perform(get("/api/fund/reports/2026/fund.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.fiscalYear").value(2026))
                .andExpect(jsonPath("$.from").value("2026-04-01"))
                .andExpect(jsonPath("$.to").value("2027-03-31"))
                .andExpect(jsonPath("$.checkpoint.treeSize").value(firstCheckpoint))
                .andExpect(jsonPath("$.checkpoint.rootHex").value(report.checkpoint().rootHex()))
                .andExpect(jsonPath("$.checkpoint.verifyUrl").value("/log"))
                .andExpect(jsonPath("$.totals.inYen").value(report.totalIn()))
                .andExpect(jsonPath("$.totals.outYen").value(report.totalOut()))
                .andExpect(jsonPath("$.totals.donors").value(report.donors()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> columns = JsonPath.read(json, "$.columns");
        assertThat(columns).isEqualTo(OpenData.COLUMNS);
        List<Map<String, Object>> figures = JsonPath.read(json, "$.figures");
        assertThat(figures).hasSize(OpenData.rows(report).size());
        assertThat(figures.get(0)).containsKeys("section", "month", "sourceType", "designation", "field",
                "programId", "program", "groupId", "group", "amountYen", "count");
    }

    @Test
    void pdfHasJapaneseHeadingsAsText() throws Exception {
        byte[] pdf = mvc.perform(get("/api/fund/reports/2026/fund.pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("基金配分報告 2026年度", "チェックポイント", "受入(寄附者の種別別)",
                    "交付(団体別)", "使途指定別残高", "こども食堂ひまわり", "山田花子");
            assertThat(text).doesNotContain("匿名建設株式会社");
        }
    }

    @Test
    void pageShowsChartsWithTablesInJapaneseAndEnglish() throws Exception {
        String ja = mvc.perform(get("/fund/report").param("year", "2026")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ja).contains("基金配分報告 2026年度", "<svg", "id=\"chart-flow\"", "id=\"chart-monthly\"",
                "id=\"chart-balances\"", "id=\"table-flow\"", "id=\"table-monthly\"", "id=\"table-balances\"",
                "<title id=\"chart-flow-title\">寄附金の流れ</title>", "href=\"/log/checkpoint\"",
                String.valueOf(firstCheckpoint));
        assertThat(ja).doesNotContain("<script").doesNotContain(FORMULA_GROUP);
        String en = mvc.perform(get("/fund/report").param("year", "2026").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Fund distribution report, fiscal year 2026", "Flow of donations",
                "Money in and out by month", "Balances over time", "id=\"table-flow\"");
    }

    @Test
    void grantResultsArePublishedWithAgreementReportAndEvaluation() throws Exception {
        String page = mvc.perform(get("/fund/results")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("助成事業の結果と評価", "@SUM(1+1) こども支援", "こども食堂ひまわり", "¥20,000",
                "¥12,000", "毎週水曜に延べ480人の子どもが参加しました。", "地域に根付いた活動と評価します。",
                "/api/fund/awards/" + reportedAward + "/agreement.pdf").doesNotContain("committee-1");
        mvc.perform(get("/api/fund/reports/grant-results.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.awardId == %d)].program".formatted(reportedAward))
                        .value("@SUM(1+1) こども支援"))
                .andExpect(jsonPath("$[?(@.awardId == %d)].group".formatted(reportedAward)).value("こども食堂ひまわり"))
                .andExpect(jsonPath("$[?(@.awardId == %d)].disbursed".formatted(reportedAward)).value(12_000))
                .andExpect(jsonPath("$[?(@.awardId == %d)].agreementSummary".formatted(reportedAward))
                        .value("目的 / 計画"))
                .andExpect(jsonPath("$[?(@.awardId == %d)].evaluations[0].goalAchievement".formatted(reportedAward))
                        .value(4));
        String english = mvc.perform(get("/fund/results").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Grant results and evaluations", "Final report");
    }

    @Test
    void badYearsAreRefusedClearly() throws Exception {
        mvc.perform(get("/api/fund/reports/20x6/fund.json")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        mvc.perform(get("/api/fund/reports/2999/fund.csv")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        mvc.perform(get("/fund/report").param("year", "<script>")).andExpect(status().isBadRequest());
    }

    /** One leg of the journal as the test reads it: by the codes of its accounts, never by their classes. */
    private record Line(long sequence, String key, String kind, Instant postedAt, LegKind legKind, String debit,
                        String credit, long amount, long released) {
        YearMonth month() {
            return BusinessCalendar.monthOf(postedAt);
        }

        boolean inYear() {
            return !postedAt.isBefore(YEAR.start()) && postedAt.isBefore(YEAR.end());
        }
    }

    /** Every leg of the entries 1..treeSize, read through the ledger's journal. */
    private List<Line> journal(long treeSize) {
        Map<AccountId, String> codes = new HashMap<>();
        List<Line> lines = new java.util.ArrayList<>();
        for (long from = 1; from <= treeSize; from += HistoryPage.LIMIT_MAX) {
            for (JournalEntry entry : ledger.entries(from, treeSize)) {
                for (JournalLeg leg : entry.legs()) {
                    lines.add(new Line(entry.sequence(), entry.key().value(), entry.kind().code(), entry.postedAt(),
                            leg.kind(), code(leg.debit(), codes), code(leg.credit(), codes), leg.amount(),
                            leg.released()));
                }
            }
        }
        return lines;
    }

    private String code(AccountId id, Map<AccountId, String> codes) {
        return codes.computeIfAbsent(id, key -> ledger.account(key).orElseThrow().code());
    }

    private static boolean donation(Line l) {
        return l.kind().equals("DONATION") && l.debit().equals("fund:bank")
                && l.credit().startsWith("fund:designation:");
    }

    private static boolean reversal(Line l) {
        return l.kind().equals("REVERSAL") && l.credit().equals("fund:bank")
                && l.debit().startsWith("fund:designation:");
    }

    private static boolean payment(Line l) {
        return l.kind().equals("DISBURSE") && l.debit().equals("fund:grants-payable") && l.credit().equals("fund:bank");
    }

    private static String designation(String code) {
        return code.substring("fund:designation:".length());
    }

    private void assertMatchesRecomputation(FundReport report, long treeSize) {
        List<Line> journal = journal(treeSize);
        List<Line> posted = journal.stream().filter(l -> l.legKind() == LegKind.POSTED && l.inYear()).toList();
        assertThat(report.inBySourceAndDesignation()).isEqualTo(recomputedIn(posted));
        Map<YearMonth, Long> in = new HashMap<>();
        Map<YearMonth, Long> out = new HashMap<>();
        for (Line l : posted) {
            if (donation(l) || reversal(l)) {
                in.merge(l.month(), donation(l) ? l.amount() : -l.amount(), Long::sum);
            }
            if (payment(l)) {
                out.merge(l.month(), l.amount(), Long::sum);
            }
        }
        assertThat(report.inByMonth()).isEqualTo(withMonths(report, in));
        assertThat(report.outByMonth()).isEqualTo(withMonths(report, out));
        Map<String, String[]> awards = new HashMap<>();
        jdbc.sql("""
                        select fd.entry_key, p.title, g.name, p.field
                          from fund_disbursement fd
                          join fund_award a on a.id = fd.award_id
                          join fund_program p on p.id = a.program_id
                          join fund_application ap on ap.id = a.application_id
                          join fund_group g on g.id = ap.group_id
                         where fd.entry_key is not null""")
                .query(rs -> {
                    awards.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                });
        Map<String, Long> byProgram = new TreeMap<>();
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> byField = new TreeMap<>();
        for (Line l : posted) {
            String[] award = awards.get(l.key());
            if (payment(l) && award != null) {
                byProgram.merge(award[0], l.amount(), Long::sum);
                byGroup.merge(award[1], l.amount(), Long::sum);
                byField.merge(award[2], l.amount(), Long::sum);
            }
        }
        Map<String, Long> reportedPrograms = new TreeMap<>();
        report.outByProgram().forEach((id, amount) -> reportedPrograms.put(report.programTitle(id), amount));
        Map<String, Long> reportedGroups = new TreeMap<>();
        report.outByGroup().forEach((id, amount) -> reportedGroups.put(report.groupName(id), amount));
        assertThat(reportedPrograms).isEqualTo(byProgram);
        assertThat(reportedGroups).isEqualTo(byGroup);
        assertThat(report.outByField()).isEqualTo(byField);

        LocalDate cutDay = BusinessCalendar.dayOf(ledger.entry(treeSize).orElseThrow().postedAt());
        Map<String, Long> opening = new TreeMap<>(report.openingBalances());
        opening.values().removeIf(v -> v == 0);
        Map<String, Long> expectedOpening = recomputedBalances(journal, YEAR.firstDay(), true);
        expectedOpening.values().removeIf(v -> v == 0);
        assertThat(opening).isEqualTo(expectedOpening);
        for (YearMonth month : report.months()) {
            LocalDate end = month.atEndOfMonth().isAfter(cutDay) ? cutDay : month.atEndOfMonth();
            Map<String, Long> expected = recomputedBalances(journal, end.plusDays(1), true);
            Map<String, Long> reported = new TreeMap<>(report.balancesByMonth().get(month));
            reported.values().removeIf(v -> v == 0);
            expected.values().removeIf(v -> v == 0);
            assertThat(reported).as("balances at the end of %s", month).isEqualTo(expected);
        }
        Map<String, Long> committed = new TreeMap<>(report.committed());
        committed.values().removeIf(v -> v == 0);
        Map<String, Long> expectedCommitted = recomputedBalances(journal, YEAR.lastDay().plusDays(1), false);
        expectedCommitted.values().removeIf(v -> v == 0);
        assertThat(committed).isEqualTo(expectedCommitted);

        java.util.Set<String> standing = new java.util.HashSet<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Line l : journal) {
            keys.add(l.key());
        }
        jdbc.sql("""
                        select coalesce('user:' || dn.donor_user_id,
                                dn.donor_type || dn.donor_name || dn.donor_address),
                               dn.entry_key, dn.reversal_key
                          from fund_donation dn where dn.entry_key is not null""")
                .query(rs -> {
                    String given = rs.getString(2);
                    String reversed = rs.getString(3);
                    boolean inYear = journal.stream().anyMatch(l -> l.key().equals(given) && l.inYear());
                    if (inYear && (reversed == null || !keys.contains(reversed))) {
                        standing.add(rs.getString(1));
                    }
                });
        assertThat(report.donors()).isEqualTo(standing.size()).isPositive();
    }

    /** Source type → designation → donations less reversals, from the year's legs up to the tree size. */
    private Map<String, Map<String, Long>> recomputedIn(long treeSize) {
        return recomputedIn(journal(treeSize).stream().filter(l -> l.legKind() == LegKind.POSTED && l.inYear())
                .toList());
    }

    private Map<String, Map<String, Long>> recomputedIn(List<Line> posted) {
        Map<String, String> donorTypes = new HashMap<>();
        jdbc.sql("select donor_type, entry_key, reversal_key from fund_donation").query(rs -> {
            if (rs.getString(2) != null) {
                donorTypes.put("DONATION " + rs.getString(2), rs.getString(1));
            }
            if (rs.getString(3) != null) {
                donorTypes.put("REVERSAL " + rs.getString(3), rs.getString(1));
            }
        });
        Map<String, Map<String, Long>> flows = new TreeMap<>();
        for (Line l : posted) {
            String type = donorTypes.get(l.kind() + " " + l.key());
            if (type == null) {
                continue;
            }
            boolean given = l.kind().equals("DONATION");
            flows.computeIfAbsent(type, k -> new TreeMap<>()).merge(designation(given ? l.credit() : l.debit()),
                    given ? l.amount() : -l.amount(), Long::sum);
        }
        return flows;
    }

    private static Map<YearMonth, Long> withMonths(FundReport report, Map<YearMonth, Long> values) {
        Map<YearMonth, Long> all = new java.util.LinkedHashMap<>();
        for (YearMonth month : report.months()) {
            all.put(month, values.getOrDefault(month, 0L));
        }
        return all;
    }

    /** Per designation, the posted balance (or what holds still commit) of legs before the day, up to the size. */
    private static Map<String, Long> recomputedBalances(List<Line> journal, LocalDate before, boolean posted) {
        Map<String, Long> balances = new TreeMap<>();
        Instant end = BusinessCalendar.startOf(before);
        for (Line l : journal) {
            if (!l.postedAt().isBefore(end)) {
                continue;
            }
            for (boolean debit : new boolean[] {true, false}) {
                String code = debit ? l.debit() : l.credit();
                if (!code.startsWith("fund:designation:")) {
                    continue;
                }
                long effect;
                if (posted) {
                    boolean moves = l.legKind() == LegKind.POSTED || l.legKind() == LegKind.POST_PENDING;
                    effect = !moves ? 0 : debit ? -l.amount() : l.amount();
                } else {
                    effect = !debit ? 0 : switch (l.legKind()) {
                        case PENDING -> l.amount();
                        case POST_PENDING, VOID_PENDING -> -l.released();
                        case POSTED -> 0;
                    };
                }
                balances.merge(designation(code), effect, Long::sum);
            }
        }
        return balances;
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private long group(String coordinator, String name) throws Exception {
        String body = """
                {"name":%s,"type":"VOLUNTARY","representative":"代表 者","contact":"contact@example.jp",
                 "field":"children","description":"活動"}""".formatted(json(name));
        long id = api().postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/groups", body, "$.id");
        api().post(as("staff-verifier", "STAFF"), "/api/fund/groups/" + id + "/verify",
                "{\"note\":\"規約と代表者の本人確認書類を確認\"}")
                .andExpect(status().isOk());
        return id;
    }

    private long donate(String type, String name, long amount, String designation, boolean anonymous,
                        boolean consent, String username) throws Exception {
        if (username != null) {
            api().register(username, "DONOR");
        }
        return api().postForId(STAFF, "/api/fund/donations/recorded", """
                        {"donation":{"donorType":"%s","donorName":"%s","donorAddress":"東京都","amount":%d,
                         "designation":"%s","anonymous":%s,"publicNameConsent":%s},"method":"BANK_TRANSFER",
                         "donorUsername":%s}""".formatted(type, name, amount, designation, anonymous, consent,
                username == null ? "null" : "\"" + username + "\""), "$.id");
    }

    private long program(String title, String field, String designation, long budget) throws Exception {
        api().register("committee-1", "COMMITTEE");
        long id = api().postForId(STAFF, "/api/fund/programs", """
                {"title":%s,"field":"%s","designation":"%s","description":"公募","budget":%d,
                 "startsOn":"2026-08-01","endsOn":"2027-03-31","deadline":"2026-07-16T15:00:00Z",
                 "criteria":[{"name":"公益性","weight":1}],"reviewers":["committee-1"]}"""
                .formatted(json(title), field, designation, budget), "$.id");
        api().post(STAFF, "/api/fund/programs/" + id + "/publish", null).andExpect(status().isOk());
        return id;
    }

    private long application(String coordinator, long program, long group, long requested) throws Exception {
        long id = api().postForId(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications", """
                {"programId":%d,"groupId":%d,"title":"事業","purpose":"目的","plan":"計画","strengths":"強み",
                 "requested":%d,"budget":[{"item":"費用","amount":%d}]}""".formatted(program, group, requested,
                requested), "$.id");
        api().post(as(coordinator, "GROUP_COORDINATOR"), "/api/fund/applications/" + id + "/submit", null)
                .andExpect(status().isOk());
        return id;
    }

    /** The committee member scores the application. */
    private long reviewed(long application) throws Exception {
        api().post(as("committee-1", "COMMITTEE"), "/api/fund/applications/" + application + "/reviews",
                "{\"scores\":[{\"criterion\":0,\"score\":4,\"comment\":\"地域に必要\"}]}")
                .andExpect(status().isCreated());
        return application;
    }

    private long pay(long application, long awarded, long paid) throws Exception {
        long award = api().postForId(STAFF, "/api/fund/applications/" + application + "/award",
                "{\"amount\":" + awarded + "}", "$.id");
        long disbursement = api().postForId(STAFF, "/api/fund/awards/" + award + "/disbursements",
                "{\"amount\":" + paid + "}", "$.id");
        api().post(STAFF_B, "/api/fund/disbursements/" + disbursement + "/approve", null)
                .andExpect(status().isOk());
        return award;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

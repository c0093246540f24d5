package kyodo.fund.audit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static kyodo.fund.FundApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bank reconciliation against donations recorded through the fund's API: matching by reference and by amount
 * and date, duplicates, missing and extra items, imports that change nothing the second time, Shift_JIS files,
 * refused files, resolution notes and the CSV export.
 */
class ReconciliationTest extends AuditTest {
    private static final RequestPostProcessor AUDITOR = as("auditor-rec", "AUDITOR");
    private static final RequestPostProcessor STAFF = as("staff-rec", "STAFF");
    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    /** A donation recorded by staff as arrived by bank transfer now: its id, entry key and receipt number. */
    private record Donated(long id, String entryKey, String receiptNumber, long amount) {
    }

    private Donated donate(long amount) throws Exception {
        String body = api().post(STAFF, "/api/fund/donations/recorded", """
                        {"donation":{"donorType":"INDIVIDUAL","donorName":"照合 太郎","amount":%d,"designation":"general"},
                         "method":"BANK_TRANSFER"}""".formatted(amount))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Donated(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.entryKey"),
                JsonPath.read(body, "$.receiptNumber"), amount);
    }

    private ResultActions importCsv(byte[] bytes, String query) throws Exception {
        return mvc.perform(post("/api/fund/audit/reconciliation/imports" + query).with(AUDITOR)
                .contentType("text/csv").content(bytes));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long[] paperCounts() {
        return new long[] {count("fund_audit_statement_import"), count("fund_audit_statement_line"),
                count("fund_audit_match"), count("fund_audit_note")};
    }

    @Test
    void aStatementWithADuplicateAMissingItemAndAnExtraItemGivesTheRightLists() throws Exception {
        LocalDate day = freshDays(3);
        at(day, LocalTime.of(10, 0));
        Donated a = donate(1_111);
        at(day.plusDays(1), LocalTime.of(10, 0));
        Donated b = donate(2_222);
        Donated e = donate(4_444);
        at(day.plusDays(2), LocalTime.of(10, 0));
        Donated c = donate(3_333);
        String csv = "date,amount,description,reference\r\n"
                + day + ",1111,振込 ヤマダ," + a.receiptNumber() + "\r\n"
                + day.plusDays(2) + ",2222,振込 スズキ,\r\n"
                + day.plusDays(2) + ",2222,振込 スズキ,\r\n"
                + day.plusDays(1) + ",7777,振込 タナカ,XYZ-1\r\n"
                + day.plusDays(1) + ",\"4,444\",振込 サトウ," + e.entryKey() + "\r\n";

        String body = importCsv(csv.getBytes(StandardCharsets.UTF_8), "?fileName=november.csv")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.alreadyImported").value(false))
                .andExpect(jsonPath("$.statement.encoding").value("UTF-8"))
                .andExpect(jsonPath("$.statement.lineCount").value(5))
                .andExpect(jsonPath("$.statement.newLineCount").value(5))
                .andExpect(jsonPath("$.matched").value(3))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.statement.id")).longValue();

        String view = api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<Integer, String> matched = new HashMap<>();
        List<Map<String, Object>> pairs = JsonPath.read(view, "$.matched");
        for (Map<String, Object> pair : pairs) {
            int line = ((Number) JsonPath.read(pair, "$.line.lineNumber")).intValue();
            matched.put(line, JsonPath.read(pair, "$.leg.key") + " " + JsonPath.read(pair, "$.rule"));
        }
        assertThat(matched).containsOnly(
                Map.entry(2, a.entryKey() + " REFERENCE"),
                Map.entry(3, b.entryKey() + " AMOUNT_AND_DATE"),
                Map.entry(6, e.entryKey() + " REFERENCE"));
        List<Integer> statementOnly = JsonPath.read(view, "$.unmatchedLines[*].line.lineNumber");
        assertThat(statementOnly).as("the duplicate and the extra line").containsExactly(4, 5);
        List<String> booksOnly = JsonPath.read(view, "$.unmatchedLegs[*].leg.key");
        assertThat(booksOnly).as("the donation missing from the statement").containsExactly(c.entryKey());

        long[] before = paperCounts();
        importCsv(csv.getBytes(StandardCharsets.UTF_8), "?fileName=november-again.csv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alreadyImported").value(true))
                .andExpect(jsonPath("$.statement.id").value(id))
                .andExpect(jsonPath("$.statement.fileName").value("november.csv"));
        assertThat(paperCounts()).as("importing the same file again").containsExactly(before);
        api().post(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id + "/match", null).andExpect(status().isOk());
        assertThat(paperCounts()).as("matching again with nothing new").containsExactly(before);

        String overlapping = "date,amount,description,reference\r\n"
                + day.plusDays(2) + ",2222,振込 スズキ,\r\n"
                + day.plusDays(2) + ",3333,振込 イトウ," + c.receiptNumber() + "\r\n";
        importCsv(overlapping.getBytes(StandardCharsets.UTF_8), "?fileName=overlap.csv")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.statement.lineCount").value(2))
                .andExpect(jsonPath("$.statement.newLineCount").value(1))
                .andExpect(jsonPath("$.matched").value(1));
        api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.unmatchedLegs").isEmpty())
                .andExpect(jsonPath("$.unmatchedLines.length()").value(2));
    }

    @Test
    void resolutionNotesAreKeptAndTheExportedCsvNeutralisesFormulaLookingCells() throws Exception {
        LocalDate day = freshDays(1);
        at(day, LocalTime.of(13, 0));
        Donated missing = donate(6_061);
        String csv = "date,amount,description,reference\n" + day + ",909,利息,\n";
        long id = ((Number) JsonPath.read(importCsv(csv.getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.statement.id"))
                .longValue();
        String view = api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id)
                .andReturn().getResponse().getContentAsString();
        long lineId = ((Number) JsonPath.read(view, "$.unmatchedLines[0].line.id")).longValue();
        long sequence = ((Number) JsonPath.read(view, "$.unmatchedLegs[0].leg.sequence")).longValue();
        int leg = ((Number) JsonPath.read(view, "$.unmatchedLegs[0].leg.leg")).intValue();
        assertThat((String) JsonPath.read(view, "$.unmatchedLegs[0].leg.key")).isEqualTo(missing.entryKey());

        String formula = "=HYPERLINK(\"https://evil.example/\",\"click\")";
        api().post(AUDITOR, "/api/fund/audit/reconciliation/lines/" + lineId + "/notes",
                "{\"note\":" + json(formula) + "}").andExpect(status().isCreated());
        api().post(AUDITOR, "/api/fund/audit/reconciliation/lines/" + lineId + "/notes",
                "{\"note\":\"銀行の利息。帳簿に計上予定\"}").andExpect(status().isCreated());
        api().post(AUDITOR, "/api/fund/audit/reconciliation/legs/" + sequence + "/" + leg + "/notes",
                "{\"note\":" + json("-1 was deposited by cash; see the counter receipt") + "}")
                .andExpect(status().isCreated());
        api().post(AUDITOR, "/api/fund/audit/reconciliation/lines/" + lineId + "/notes", "{\"note\":\"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
        api().post(AUDITOR, "/api/fund/audit/reconciliation/legs/" + sequence + "/" + (leg + 5) + "/notes",
                "{\"note\":\"no such leg\"}").andExpect(status().isNotFound());

        api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.unmatchedLines[0].note.text").value("銀行の利息。帳簿に計上予定"))
                .andExpect(jsonPath("$.unmatchedLines[0].note.writtenBy")
                        .value(api().register("auditor-rec", "AUDITOR").journalActor()))
                .andExpect(jsonPath("$.unmatchedLegs[0].note.text").value("-1 was deposited by cash; see the counter receipt"));

        api().post(AUDITOR, "/api/fund/audit/reconciliation/lines/" + lineId + "/notes",
                "{\"note\":" + json(formula) + "}").andExpect(status().isCreated());
        String exported = api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id + ".csv")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).contains("\"'=HYPERLINK(\"\"https://evil.example/\"\",\"\"click\"\")\"")
                .contains("\"'-1 was deposited by cash; see the counter receipt\"")
                .doesNotContain(",\"=HYPERLINK").doesNotContain(",\"-1 was");
        assertThat(exported).contains("STATEMENT_ONLY").contains("BOOKS_ONLY").as("amounts stay numbers")
                .contains(",909,").contains(",6061,");
    }

    @Test
    void aShiftJisStatementWithHalfWidthKatakanaIsAcceptedAndMatched() throws Exception {
        LocalDate day = freshDays(1);
        at(day, LocalTime.of(15, 0));
        Donated donation = donate(5_555);
        String csv = "日付,金額,摘要,参照\r\n" + day.toString().replace('-', '/') + ",\"5,555\",ﾌﾘｺﾐ ｶﾌﾞｼｷｶﾞｲｼｬ ｷｮｳﾄﾞｳ,\r\n";
        byte[] bytes = csv.getBytes(SHIFT_JIS);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).as("the test file is not valid UTF-8").contains("\uFFFD");

        importCsv(bytes, "?encoding=UTF-8").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("STATEMENT_ENCODING"))
                .andExpect(jsonPath("$.message_ja").value(containsString("Shift_JIS")))
                .andExpect(jsonPath("$.message_en").value(containsString("not valid UTF-8")));
        String body = importCsv(bytes, "?fileName=sjis.csv").andExpect(status().isCreated())
                .andExpect(jsonPath("$.statement.encoding").value("Shift_JIS"))
                .andExpect(jsonPath("$.matched").value(1))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.statement.id")).longValue();
        api().get(AUDITOR, "/api/fund/audit/reconciliation/imports/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.matched[0].line.description").value("フリコミ カブシキガイシャ キョウドウ"))
                .andExpect(jsonPath("$.matched[0].leg.key").value(donation.entryKey()));

        byte[] again = ("日付,金額,摘要,参照\r\n" + day + ",-5,手数料,\r\n").getBytes(SHIFT_JIS);
        mvc.perform(post("/api/fund/audit/reconciliation/imports").with(AUDITOR)
                        .contentType("text/csv;charset=Shift_JIS").content(again))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.statement.encoding").value("Shift_JIS"));
    }

    @Test
    void badFilesAreRefusedWithAClearMessageAndStoreNothing() throws Exception {
        long[] before = paperCounts();
        String header = "date,amount,description,reference\n";
        refused(("date,amount,description\n2030-01-01,100,x\n").getBytes(StandardCharsets.UTF_8), 400,
                "STATEMENT_COLUMNS", "参照", "missing: reference");
        refused((header + "2030-01-01,100,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",r1\n")
                .getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_FORMULA", "数式", "formula");
        refused((header + "2030-01-01,=1+2,x,r\n").getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_FORMULA",
                "金額", "amount cell looks like a spreadsheet formula");
        refused((header + "2030-01-01,100,x,@SUM(A1)\n").getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_FORMULA",
                "参照", "reference cell");
        refused((header + "2030-01-01,100,x,r\n").getBytes(StandardCharsets.UTF_16), 400, "STATEMENT_ENCODING",
                "文字コード", "neither UTF-8 nor Shift_JIS");
        refused(new byte[0], 400, "STATEMENT_EMPTY", "空", "empty");
        refused((header + "2030-02-30,100,x,r\n").getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_VALUE",
                "2 行目", "Line 2: the date");
        refused((header + "2030-01-01,12.50,x,r\n").getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_VALUE",
                "整数", "whole number of yen");
        refused((header + "2030-01-01,100,\"x,r\n").getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_CSV",
                "引用符", "not closed");
        refused(header.getBytes(StandardCharsets.UTF_8), 400, "STATEMENT_EMPTY", "明細", "no transactions");
        byte[] hundredMegabytes = new byte[100 * 1024 * 1024];
        Arrays.fill(hundredMegabytes, (byte) 'x');
        refused(hundredMegabytes, 413, "STATEMENT_TOO_LARGE", "大きすぎ", "too large");
        byte[] justOver = (header + "2030-01-01,100," + "x".repeat(StatementCsv.BYTES_MAX) + ",r\n")
                .getBytes(StandardCharsets.UTF_8);
        refused(justOver, 413, "STATEMENT_TOO_LARGE", "大きすぎ", "too large");
        assertThat(paperCounts()).containsExactly(before);

        mvc.perform(post("/api/fund/audit/reconciliation/imports").with(AUDITOR)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("STATEMENT_COLUMNS"));
        assertThat(paperCounts()).containsExactly(before);
    }

    private void refused(byte[] bytes, int status, String code, String japanese, String english) throws Exception {
        importCsv(bytes, "").andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.message_ja").value(containsString(japanese)))
                .andExpect(jsonPath("$.message_en").value(containsString(english)));
    }

    @Test
    void theAuditorImportsOnThePageAndSeesTheListsAndRefusalsInJapaneseAndEnglish() throws Exception {
        LocalDate day = freshDays(1);
        at(day, LocalTime.of(9, 30));
        Donated donation = donate(8_128);
        String csv = "日付,金額,摘要,参照\n" + day + ",8128,振込,\n" + day + ",496,振込 不明,\n";
        MockMultipartFile file = new MockMultipartFile("file", "page.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/fund/audit/reconciliation").file(file).param("encoding", "auto")
                        .with(AUDITOR).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/fund/audit/reconciliation/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ja\">")))
                .andExpect(content().string(containsString("照合済み")))
                .andExpect(content().string(containsString(donation.entryKey())))
                .andExpect(content().string(containsString("振込 不明")))
                .andExpect(content().string(containsString("¥496")));
        mvc.perform(multipart("/fund/audit/reconciliation").file(file).with(AUDITOR).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/fund/audit/reconciliation/*?again"));

        MockMultipartFile formula = new MockMultipartFile("file", "bad.csv", "text/csv",
                "date,amount,description,reference\n2030-01-01,1,=cmd|' /C calc'!A0,r\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/fund/audit/reconciliation").file(formula).with(AUDITOR).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("数式のような値")));
        mvc.perform(multipart("/fund/audit/reconciliation").file(formula).with(AUDITOR).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("looks like a spreadsheet formula")));
        MockMultipartFile huge = new MockMultipartFile("file", "huge.csv", "text/csv", new byte[100 * 1024 * 1024]);
        mvc.perform(multipart("/fund/audit/reconciliation").file(huge).with(AUDITOR).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("ファイルが大きすぎます")));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

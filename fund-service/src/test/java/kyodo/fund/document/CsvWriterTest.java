package kyodo.fund.document;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV writer and its one rule for cells that a spreadsheet would run as a formula. */
class CsvWriterTest {

    @Test
    void aCellThatASpreadsheetWouldEvaluateGetsALeadingApostrophe() {
        for (String formula : new String[] {"=1+2", "+x", "-1", "@SUM(A1)", "\tx", "\rx",
                "=HYPERLINK(\"http://evil.example\",\"x\")"}) {
            assertThat(CsvWriter.looksLikeFormula(formula)).as(formula).isTrue();
            assertThat(CsvWriter.neutralised(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void otherCellsStayAsTheyAre() {
        for (String plain : new String[] {"安全", "1,000", "a=b", "x-1", " =1", "'quoted", ""}) {
            assertThat(CsvWriter.looksLikeFormula(plain)).as(plain).isFalse();
            assertThat(CsvWriter.neutralised(plain)).isEqualTo(plain);
        }
        assertThat(CsvWriter.looksLikeFormula(null)).isFalse();
    }

    @Test
    void writesUtf8WithAByteOrderMarkQuotedTextNumbersAsNumbersAndCrLf() {
        byte[] bytes = CsvWriter.bytes(csv -> {
            csv.texts("memo", "amount", "note").endLine();
            csv.text("山田 \"花子\"").number(-1_500).text(null).endLine();
            csv.text("=cmd|' /C calc'!A0").number((Long) null).text("a,b\r\nc").endLine();
        });

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "\"memo\",\"amount\",\"note\"\r\n"
                + "\"山田 \"\"花子\"\"\",-1500,\"\"\r\n"
                + "\"'=cmd|' /C calc'!A0\",,\"a,b\r\nc\"\r\n");
    }
}

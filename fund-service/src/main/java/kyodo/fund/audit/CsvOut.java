package kyodo.fund.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV (RFC 4180, UTF-8 with a BOM so that spreadsheet programs read Japanese text) for auditors to open in
 * a spreadsheet. A text cell that a spreadsheet would evaluate (starting with = + - @, tab or carriage return)
 * is neutralised with a leading apostrophe, so a memo or a note can never run as a formula; numbers are
 * written as numbers.
 */
final class CsvOut {
    private final Writer out;
    private boolean lineStarted;

    CsvOut(Writer out) throws IOException {
        this.out = out;
        out.write('\uFEFF');
    }

    CsvOut text(String value) throws IOException {
        String cell = value == null ? "" : value;
        if (StatementCsv.looksLikeFormula(cell)) {
            cell = "'" + cell;
        }
        separate();
        out.write('"');
        out.write(cell.replace("\"", "\"\""));
        out.write('"');
        return this;
    }

    CsvOut number(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    void endLine() throws IOException {
        out.write("\r\n");
        lineStarted = false;
    }

    private void separate() throws IOException {
        if (lineStarted) {
            out.write(',');
        }
        lineStarted = true;
    }

    /** What a text cell becomes: for tests and for the few callers that build cells themselves. */
    static String neutralised(String value) {
        return StatementCsv.looksLikeFormula(value) ? "'" + value : value;
    }
}

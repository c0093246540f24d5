package kyodo.fund.document;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The one CSV writer of Kyodo's exports (fund reports, audit papers, merchants' settlement statements): RFC 4180
 * with every text cell quoted and quotes doubled, CRLF line ends, UTF-8 with a byte order mark so that spreadsheet
 * programs in Japan read the Japanese text. Whole numbers are written as numbers. A text cell that a spreadsheet
 * would evaluate is neutralised by the one rule, {@link #neutralised(String)}, so that a memo, a name or a note can
 * never run as a formula (CSV injection).
 */
public final class CsvWriter {
    private final Writer out;
    private boolean lineStarted;

    /** Starts a CSV file on {@code out} with the byte order mark. */
    public CsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write('\uFEFF');
    }

    /** What a CSV file is written with: its rows. */
    @FunctionalInterface
    public interface Rows {
        void write(CsvWriter csv) throws IOException;
    }

    /** A whole CSV file as UTF-8 bytes. */
    public static byte[] bytes(Rows rows) {
        StringWriter text = new StringWriter();
        try {
            rows.write(new CsvWriter(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A text cell, neutralised and quoted; {@code null} is an empty cell. */
    public CsvWriter text(String value) throws IOException {
        separate();
        out.write('"');
        out.write(neutralised(value == null ? "" : value).replace("\"", "\"\""));
        out.write('"');
        return this;
    }

    /** Text cells, one after the other. */
    public CsvWriter texts(String... values) throws IOException {
        for (String value : values) {
            text(value);
        }
        return this;
    }

    /** A whole number, unquoted, so that a spreadsheet reads it as a number (negative ones too). */
    public CsvWriter number(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** A whole number, or an empty cell for {@code null}. */
    public CsvWriter number(Long value) throws IOException {
        if (value == null) {
            separate();
            return this;
        }
        return number(value.longValue());
    }

    /** Ends the row. */
    public CsvWriter endLine() throws IOException {
        out.write("\r\n");
        lineStarted = false;
        return this;
    }

    /** Flushes what was written to the underlying writer. */
    public void flush() throws IOException {
        out.flush();
    }

    private void separate() throws IOException {
        if (lineStarted) {
            out.write(',');
        }
        lineStarted = true;
    }

    /**
     * Whether a spreadsheet would evaluate {@code value}: it starts with {@code = + - @}, a tab or a carriage return
     * (OWASP, CSV injection). Exports neutralise such cells; the bank statement import refuses them.
     */
    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The text cell {@code value} as written: with a leading apostrophe if a spreadsheet would evaluate it. */
    public static String neutralised(String value) {
        return looksLikeFormula(value) ? "'" + value : value;
    }
}

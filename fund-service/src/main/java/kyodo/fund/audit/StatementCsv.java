package kyodo.fund.audit;

import kyodo.fund.document.CsvWriter;
import kyodo.fund.problem.Refused;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.text.Normalizer;

/**
 * Reads a bank statement CSV: a header row naming the columns (English or the Japanese names banks use) and one
 * row per transaction with its date, amount (deposits positive; or separate deposit and withdrawal columns),
 * description and reference. Japanese banks write Shift_JIS (in practice Windows-31J), others UTF-8: the file
 * is decoded strictly in the encoding the auditor chose, or in the first of the two that decodes it. Text is
 * NFKC-normalised (half-width katakana and full-width digits become their usual forms). Cells that a
 * spreadsheet would run as a formula are refused rather than stored.
 */
final class StatementCsv {
    static final int BYTES_MAX = 2 * 1024 * 1024;
    static final int LINES_MAX = 20_000;
    static final int DESCRIPTION_LENGTH_MAX = 200;
    static final int REFERENCE_LENGTH_MAX = 100;
    static final int CELL_LENGTH_MAX = 1000;
    static final long AMOUNT_ABS_MAX = 1_000_000_000_000L;
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    /** How to decode the file: detect, or as the auditor says. */
    enum Encoding {
        AUTO, UTF_8, SHIFT_JIS;

        static Encoding parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            return switch (text.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
                case "AUTO" -> AUTO;
                case "UTF_8", "UTF8" -> UTF_8;
                case "SHIFT_JIS", "SJIS", "WINDOWS_31J", "CP932", "MS932" -> SHIFT_JIS;
                default -> throw BadStatement.invalid("STATEMENT_ENCODING_CHOICE", "encoding-choice");
            };
        }
    }

    record Line(int number, LocalDate day, long amount, String description, String reference) {
    }

    /** @param encoding the label stored with the import: {@code UTF-8} or {@code Shift_JIS} */
    record Parsed(String encoding, List<Line> lines) {
    }

    private enum Column {
        DATE, AMOUNT, DEPOSIT, WITHDRAWAL, DESCRIPTION, REFERENCE;

        /** The column's name in a message, in the message's language. */
        Object named() {
            return BadStatement.column(name().toLowerCase(Locale.ROOT));
        }
    }

    private static final Map<String, Column> HEADERS = new LinkedHashMap<>();

    static {
        for (String name : List.of("date", "日付", "取引日", "年月日", "お取引日")) {
            HEADERS.put(name, Column.DATE);
        }
        for (String name : List.of("amount", "金額", "取引金額")) {
            HEADERS.put(name, Column.AMOUNT);
        }
        for (String name : List.of("deposit", "入金", "入金額", "入金金額", "お預入れ金額", "預入金額")) {
            HEADERS.put(name, Column.DEPOSIT);
        }
        for (String name : List.of("withdrawal", "出金", "出金額", "出金金額", "お引出し金額", "支払金額", "引出金額")) {
            HEADERS.put(name, Column.WITHDRAWAL);
        }
        for (String name : List.of("description", "摘要", "内容", "取引内容", "お取引内容")) {
            HEADERS.put(name, Column.DESCRIPTION);
        }
        for (String name : List.of("reference", "参照", "参照番号", "整理番号", "照会番号", "お客様番号")) {
            HEADERS.put(name, Column.REFERENCE);
        }
    }

    private static final Pattern SEPARATED_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern JAPANESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,13}");

    private StatementCsv() {
    }

    static Parsed parse(byte[] bytes, Encoding choice) {
        if (bytes.length == 0) {
            throw BadStatement.invalid("STATEMENT_EMPTY", "empty-file");
        }
        if (bytes.length > BYTES_MAX) {
            throw BadStatement.tooLarge(BYTES_MAX);
        }
        Decoded decoded = decode(bytes, choice);
        List<List<String>> records = records(decoded.text);
        if (records.isEmpty()) {
            throw BadStatement.invalid("STATEMENT_EMPTY", "no-rows");
        }
        Map<Column, Integer> columns = columns(records.get(0));
        if (records.size() == 1) {
            throw BadStatement.invalid("STATEMENT_EMPTY", "header-only");
        }
        List<Line> lines = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            lines.add(line(i + 1, records.get(i), columns));
        }
        return new Parsed(decoded.label, lines);
    }

    private record Decoded(String text, String label) {
    }

    private static Decoded decode(byte[] bytes, Encoding choice) {
        if (choice != Encoding.SHIFT_JIS) {
            String utf8 = strictly(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return new Decoded(utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8, "UTF-8");
            }
            if (choice == Encoding.UTF_8) {
                throw BadStatement.invalid("STATEMENT_ENCODING", "not-utf-8");
            }
        }
        String sjis = strictly(bytes, SHIFT_JIS);
        if (sjis != null && !hasBinaryControls(sjis)) {
            return new Decoded(sjis, "Shift_JIS");
        }
        if (choice == Encoding.SHIFT_JIS) {
            throw BadStatement.invalid("STATEMENT_ENCODING", "not-shift-jis");
        }
        throw BadStatement.invalid("STATEMENT_ENCODING", "unknown-encoding");
    }

    private static String strictly(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            return hasBinaryControls(text) ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** NUL and other control characters besides tab and line breaks mean a binary file, not text. */
    private static boolean hasBinaryControls(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** RFC 4180 records: commas, quoted cells with doubled quotes, CRLF or LF; blank rows are skipped. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                addRecord(records, record, line);
                record = new ArrayList<>();
                line++;
            } else {
                cell.append(c);
                cellStarted = true;
            }
            if (cell.length() > CELL_LENGTH_MAX) {
                throw BadStatement.invalid("STATEMENT_CSV", "cell-too-long", String.valueOf(line),
                        String.valueOf(CELL_LENGTH_MAX));
            }
        }
        if (quoted) {
            throw BadStatement.invalid("STATEMENT_CSV", "quote-not-closed", String.valueOf(line));
        }
        record.add(cell.toString());
        addRecord(records, record, line);
        return records;
    }

    private static void addRecord(List<List<String>> records, List<String> record, int line) {
        boolean blank = record.stream().allMatch(String::isBlank);
        if (blank) {
            return;
        }
        if (records.size() > LINES_MAX) {
            throw BadStatement.invalid("STATEMENT_TOO_MANY_LINES", "too-many-lines", String.valueOf(LINES_MAX));
        }
        records.add(record);
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Column column = HEADERS.get(normal(header.get(i)).toLowerCase(Locale.ROOT));
            if (column != null && !columns.containsKey(column)) {
                columns.put(column, i);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(Column.DATE)) {
            missing.add("date");
        }
        if (!columns.containsKey(Column.AMOUNT) && !columns.containsKey(Column.DEPOSIT)
                && !columns.containsKey(Column.WITHDRAWAL)) {
            missing.add("amount");
        }
        if (!columns.containsKey(Column.DESCRIPTION)) {
            missing.add("description");
        }
        if (!columns.containsKey(Column.REFERENCE)) {
            missing.add("reference");
        }
        if (!missing.isEmpty()) {
            throw BadStatement.invalid("STATEMENT_COLUMNS", "columns-missing", BadStatement.columns(missing));
        }
        return columns;
    }

    private static Line line(int number, List<String> cells, Map<Column, Integer> columns) {
        String date = cell(number, cells, columns, Column.DATE);
        LocalDate day = day(number, date);
        long amount;
        if (columns.containsKey(Column.AMOUNT)) {
            amount = amount(number, cell(number, cells, columns, Column.AMOUNT), Column.AMOUNT);
        } else {
            String in = cell(number, cells, columns, Column.DEPOSIT);
            String out = cell(number, cells, columns, Column.WITHDRAWAL);
            long deposit = in.isBlank() ? 0 : amount(number, in, Column.DEPOSIT);
            long withdrawal = out.isBlank() ? 0 : amount(number, out, Column.WITHDRAWAL);
            amount = deposit - withdrawal;
        }
        if (amount == 0) {
            throw value(number, "amount-zero");
        }
        String description = text(number, cell(number, cells, columns, Column.DESCRIPTION),
                DESCRIPTION_LENGTH_MAX, Column.DESCRIPTION);
        String reference = text(number, cell(number, cells, columns, Column.REFERENCE),
                REFERENCE_LENGTH_MAX, Column.REFERENCE);
        return new Line(number, day, amount, description, reference);
    }

    private static String cell(int number, List<String> cells, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null) {
            return "";
        }
        if (index >= cells.size()) {
            throw value(number, "cell-missing", column.named(), String.valueOf(cells.size()));
        }
        String value = normal(cells.get(index));
        if (CsvWriter.looksLikeFormula(value) && !(isAmountColumn(column) && value.matches("-[0-9,]+(円)?"))) {
            throw BadStatement.invalid("STATEMENT_FORMULA", "formula", String.valueOf(number), column.named());
        }
        return value;
    }

    private static boolean isAmountColumn(Column column) {
        return column == Column.AMOUNT || column == Column.DEPOSIT || column == Column.WITHDRAWAL;
    }

    private static String normal(String cell) {
        return Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
    }

    private static LocalDate day(int number, String text) {
        Matcher matcher = SEPARATED_DATE.matcher(text);
        if (!matcher.matches()) {
            matcher = JAPANESE_DATE.matcher(text);
        }
        if (!matcher.matches()) {
            matcher = COMPACT_DATE.matcher(text);
        }
        if (matcher.matches()) {
            try {
                LocalDate day = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)));
                if (TrialBalances.inRange(day)) {
                    return day;
                }
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw value(number, "date-unreadable", shortened(text));
    }

    private static long amount(int number, String text, Column column) {
        String digits = text.replace(",", "").replace("円", "").replace("¥", "").replace("\\", "").strip();
        boolean negative = digits.startsWith("-") || digits.startsWith("▲") || digits.startsWith("△");
        if (negative) {
            digits = digits.substring(1).strip();
        }
        if (!DIGITS.matcher(digits).matches()) {
            throw value(number, "amount-not-yen", column.named(), shortened(text));
        }
        long value = Long.parseLong(digits);
        if (value > AMOUNT_ABS_MAX) {
            throw value(number, "amount-too-large", column.named());
        }
        return negative ? -value : value;
    }

    private static String text(int number, String value, int lengthMax, Column column) {
        if (value.length() > lengthMax) {
            throw value(number, "text-too-long", column.named(), String.valueOf(lengthMax));
        }
        return value;
    }

    /** A cell that cannot be read: message {@code key}, whose first argument is the line number. */
    private static Refused value(int number, String key, Object... arguments) {
        Object[] withLine = new Object[arguments.length + 1];
        withLine[0] = String.valueOf(number);
        System.arraycopy(arguments, 0, withLine, 1, arguments.length);
        return BadStatement.invalid("STATEMENT_VALUE", key, withLine);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

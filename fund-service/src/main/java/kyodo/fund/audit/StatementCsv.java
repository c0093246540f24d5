package kyodo.fund.audit;

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
                default -> throw BadStatement.invalid("STATEMENT_ENCODING_CHOICE",
                        "文字コードは auto、UTF-8、Shift_JIS のいずれかを選んでください。",
                        "The encoding must be auto, UTF-8 or Shift_JIS.");
            };
        }
    }

    record Line(int number, LocalDate day, long amount, String description, String reference) {
    }

    /** @param encoding the label stored with the import: {@code UTF-8} or {@code Shift_JIS} */
    record Parsed(String encoding, List<Line> lines) {
    }

    private enum Column { DATE, AMOUNT, DEPOSIT, WITHDRAWAL, DESCRIPTION, REFERENCE }

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
            throw BadStatement.invalid("STATEMENT_EMPTY", "ファイルが空です。", "The file is empty.");
        }
        if (bytes.length > BYTES_MAX) {
            throw BadStatement.tooLarge(BYTES_MAX);
        }
        Decoded decoded = decode(bytes, choice);
        List<List<String>> records = records(decoded.text);
        if (records.isEmpty()) {
            throw BadStatement.invalid("STATEMENT_EMPTY", "ファイルに行がありません。", "The file holds no rows.");
        }
        Map<Column, Integer> columns = columns(records.get(0));
        if (records.size() == 1) {
            throw BadStatement.invalid("STATEMENT_EMPTY", "見出し行の後に明細の行がありません。",
                    "The file has a header row but no transactions.");
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
                throw BadStatement.invalid("STATEMENT_ENCODING", "ファイルは UTF-8 として読めません。"
                                + "Shift_JIS を選ぶか、UTF-8 で保存し直してください。",
                        "The file is not valid UTF-8. Choose Shift_JIS, or save it again as UTF-8.");
            }
        }
        String sjis = strictly(bytes, SHIFT_JIS);
        if (sjis != null && !hasBinaryControls(sjis)) {
            return new Decoded(sjis, "Shift_JIS");
        }
        if (choice == Encoding.SHIFT_JIS) {
            throw BadStatement.invalid("STATEMENT_ENCODING", "ファイルは Shift_JIS として読めません。"
                            + "UTF-8 を選ぶか、Shift_JIS で保存し直してください。",
                    "The file is not valid Shift_JIS. Choose UTF-8, or save it again as Shift_JIS.");
        }
        throw BadStatement.invalid("STATEMENT_ENCODING", "文字コードを判別できません。UTF-8 または Shift_JIS の "
                        + "CSV ファイルを選んでください。",
                "The file is neither UTF-8 nor Shift_JIS text. Choose a CSV file in one of these encodings.");
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
                throw BadStatement.invalid("STATEMENT_CSV", line + " 行目のセルが長すぎます(" + CELL_LENGTH_MAX
                        + " 文字まで)。", "Line " + line + ": a cell is longer than " + CELL_LENGTH_MAX + " characters.");
            }
        }
        if (quoted) {
            throw BadStatement.invalid("STATEMENT_CSV", "引用符(\")が閉じられていません(" + line + " 行目)。",
                    "A quoted cell is not closed (line " + line + ").");
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
            throw BadStatement.invalid("STATEMENT_TOO_MANY_LINES", "明細が多すぎます(" + LINES_MAX
                    + " 行まで)。期間を分けて取り込んでください。", "The file has more than " + LINES_MAX
                    + " transactions. Import the statement in shorter periods.");
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
        List<String> missingEn = new ArrayList<>();
        List<String> missingJa = new ArrayList<>();
        if (!columns.containsKey(Column.DATE)) {
            missingEn.add("date");
            missingJa.add("日付");
        }
        if (!columns.containsKey(Column.AMOUNT) && !columns.containsKey(Column.DEPOSIT)
                && !columns.containsKey(Column.WITHDRAWAL)) {
            missingEn.add("amount");
            missingJa.add("金額");
        }
        if (!columns.containsKey(Column.DESCRIPTION)) {
            missingEn.add("description");
            missingJa.add("摘要");
        }
        if (!columns.containsKey(Column.REFERENCE)) {
            missingEn.add("reference");
            missingJa.add("参照");
        }
        if (!missingEn.isEmpty()) {
            throw BadStatement.invalid("STATEMENT_COLUMNS", "1 行目の見出しに 日付・金額・摘要・参照 の列が必要です"
                            + "(不足: " + String.join("・", missingJa) + ")。",
                    "The first row must name the columns date, amount, description and reference (missing: "
                            + String.join(", ", missingEn) + ").");
        }
        return columns;
    }

    private static Line line(int number, List<String> cells, Map<Column, Integer> columns) {
        String date = cell(number, cells, columns, Column.DATE, "日付", "date");
        LocalDate day = day(number, date);
        long amount;
        if (columns.containsKey(Column.AMOUNT)) {
            amount = amount(number, cell(number, cells, columns, Column.AMOUNT, "金額", "amount"), "金額", "amount");
        } else {
            String in = cell(number, cells, columns, Column.DEPOSIT, "入金", "deposit");
            String out = cell(number, cells, columns, Column.WITHDRAWAL, "出金", "withdrawal");
            long deposit = in.isBlank() ? 0 : amount(number, in, "入金", "deposit");
            long withdrawal = out.isBlank() ? 0 : amount(number, out, "出金", "withdrawal");
            amount = deposit - withdrawal;
        }
        if (amount == 0) {
            throw value(number, "金額が 0 または空です", "the amount is zero or missing");
        }
        String description = text(number, cell(number, cells, columns, Column.DESCRIPTION, "摘要", "description"),
                DESCRIPTION_LENGTH_MAX, "摘要", "description");
        String reference = text(number, cell(number, cells, columns, Column.REFERENCE, "参照", "reference"),
                REFERENCE_LENGTH_MAX, "参照", "reference");
        return new Line(number, day, amount, description, reference);
    }

    private static String cell(int number, List<String> cells, Map<Column, Integer> columns, Column column,
                               String japanese, String english) {
        Integer index = columns.get(column);
        if (index == null) {
            return "";
        }
        if (index >= cells.size()) {
            throw value(number, japanese + "の列がありません(" + cells.size() + " 列しかありません)",
                    "the " + english + " column is missing (the row has " + cells.size() + " cells)");
        }
        String value = normal(cells.get(index));
        if (looksLikeFormula(value) && !(isAmountColumn(column) && value.matches("-[0-9,]+(円)?"))) {
            throw BadStatement.invalid("STATEMENT_FORMULA", number + " 行目の" + japanese
                            + "が数式のような値です(=、+、-、@ で始まるセルは取り込みません)。",
                    "Line " + number + ": the " + english + " cell looks like a spreadsheet formula (cells starting "
                            + "with =, +, -, @ are refused).");
        }
        return value;
    }

    private static boolean isAmountColumn(Column column) {
        return column == Column.AMOUNT || column == Column.DEPOSIT || column == Column.WITHDRAWAL;
    }

    /** What spreadsheets evaluate: a cell starting with = + - @ or a tab or carriage return (OWASP CSV injection). */
    static boolean looksLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
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
        throw value(number, "日付「" + shortened(text) + "」を読めません(例: 2026-04-01、2026/4/1)",
                "the date '" + shortened(text) + "' is not a date such as 2026-04-01 or 2026/4/1");
    }

    private static long amount(int number, String text, String japanese, String english) {
        String digits = text.replace(",", "").replace("円", "").replace("¥", "").replace("\\", "").strip();
        boolean negative = digits.startsWith("-") || digits.startsWith("▲") || digits.startsWith("△");
        if (negative) {
            digits = digits.substring(1).strip();
        }
        if (!DIGITS.matcher(digits).matches()) {
            throw value(number, japanese + "「" + shortened(text) + "」は整数の円額ではありません",
                    "the " + english + " '" + shortened(text) + "' is not a whole number of yen");
        }
        long value = Long.parseLong(digits);
        if (value > AMOUNT_ABS_MAX) {
            throw value(number, japanese + "が大きすぎます", "the " + english + " is too large");
        }
        return negative ? -value : value;
    }

    private static String text(int number, String value, int lengthMax, String japanese, String english) {
        if (value.length() > lengthMax) {
            throw value(number, japanese + "が長すぎます(" + lengthMax + " 文字まで)",
                    "the " + english + " is longer than " + lengthMax + " characters");
        }
        return value;
    }

    private static BadStatement value(int number, String japanese, String english) {
        return BadStatement.invalid("STATEMENT_VALUE", number + " 行目: " + japanese + "。",
                "Line " + number + ": " + english + ".");
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

package kyodo.fund.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fund report as open data: one CSV column set (documented in docs/open-data.md) and JSON of the same rows.
 * CSV is UTF-8 with a byte order mark (so spreadsheet programs in Japan open it as UTF-8), CRLF line ends and
 * RFC 4180 quoting; a text cell that a spreadsheet would take for a formula is neutralised.
 */
final class OpenData {
    static final List<String> COLUMNS = List.of("fiscal_year", "checkpoint_tree_size", "checkpoint_root_hex",
            "section", "month", "source_type", "designation", "field", "program_id", "program", "group_id", "group",
            "amount_yen", "count");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private OpenData() {
    }

    /** One figure as the JSON and CSV row. */
    record Row(int fiscalYear, long checkpointTreeSize, String checkpointRootHex, String section, String month,
               String sourceType, String designation, String field, Long programId, String program, Long groupId,
               String group, long amountYen, long count) {
    }

    record Checkpoint(long treeSize, String rootHex, String rootBase64, String note, Instant createdAt,
                      String checkpointUrl, String verifyUrl) {
    }

    record Totals(long inYen, long outYen, long donations, long donors) {
    }

    record Document(int fiscalYear, String from, String to, Checkpoint checkpoint, Totals totals,
                    List<String> namedDonors, List<String> columns, List<Row> figures) {
    }

    static Document json(FundReport report) {
        ReportCheckpoint c = report.checkpoint();
        return new Document(report.year().year(), report.year().firstDay().toString(),
                report.year().lastDay().toString(),
                new Checkpoint(c.treeSize(), c.rootHex(), c.rootBase64(), c.note(), c.createdAt(),
                        ReportCheckpoint.CHECKPOINT_PATH, ReportCheckpoint.VERIFY_PATH),
                new Totals(report.totalIn(), report.totalOut(), report.donations(), report.donors()),
                report.namedDonors(), COLUMNS, rows(report));
    }

    static List<Row> rows(FundReport report) {
        List<Row> rows = new ArrayList<>();
        for (Figure f : report.figures()) {
            rows.add(new Row(report.year().year(), report.checkpoint().treeSize(), report.checkpoint().rootHex(),
                    f.section().code(), f.month() == null ? null : f.month().toString(), f.sourceType(),
                    f.designation(), f.field(), f.programId(),
                    f.programId() == null ? null : report.programTitle(f.programId()), f.groupId(),
                    f.groupId() == null ? null : report.groupName(f.groupId()), f.amount(), f.count()));
        }
        return rows;
    }

    static byte[] csv(FundReport report) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.stream().map(c -> (Object) c).toList());
        for (Row r : rows(report)) {
            line(out, java.util.Arrays.asList(r.fiscalYear(), r.checkpointTreeSize(), r.checkpointRootHex(),
                    r.section(), r.month(), r.sourceType(), r.designation(), r.field(), r.programId(), r.program(),
                    r.groupId(), r.group(), r.amountYen(), r.count()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            out.append(cell instanceof Number number ? number.toString() : quote(neutralise(cell == null ? "" : cell.toString())));
        }
        out.append("\r\n");
    }

    /**
     * A text cell that begins with {@code = + - @}, a tab or a carriage return would run as a formula in a
     * spreadsheet (CSV injection); a leading apostrophe makes it plain text. Numbers are written by the report
     * itself and never neutralised, so negative amounts stay numbers.
     */
    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                || cell.startsWith("'")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}

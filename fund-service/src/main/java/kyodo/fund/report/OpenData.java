package kyodo.fund.report;

import kyodo.fund.document.CsvWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fund report as open data: one CSV column set (documented in docs/open-data.md) and JSON of the same rows.
 * CSV is written by {@link CsvWriter}: UTF-8 with a byte order mark (so spreadsheet programs in Japan open it as
 * UTF-8), CRLF line ends and RFC 4180 quoting; a text cell that a spreadsheet would take for a formula is
 * neutralised.
 */
final class OpenData {
    static final List<String> COLUMNS = List.of("fiscal_year", "checkpoint_tree_size", "checkpoint_root_hex",
            "section", "month", "source_type", "designation", "field", "program_id", "program", "group_id", "group",
            "amount_yen", "count");

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
        return CsvWriter.bytes(csv -> {
            for (String column : COLUMNS) {
                csv.text(column);
            }
            csv.endLine();
            for (Row r : rows(report)) {
                csv.number(r.fiscalYear()).number(r.checkpointTreeSize()).text(r.checkpointRootHex())
                        .text(r.section()).text(r.month()).text(r.sourceType()).text(r.designation()).text(r.field())
                        .number(r.programId()).text(r.program()).number(r.groupId()).text(r.group())
                        .number(r.amountYen()).number(r.count()).endLine();
            }
        });
    }
}

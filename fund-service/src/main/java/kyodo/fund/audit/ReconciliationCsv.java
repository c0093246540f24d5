package kyodo.fund.audit;

import kyodo.fund.document.CsvWriter;

import java.io.IOException;

/** A reconciliation as one CSV table: one row per matched pair and per unmatched item, with notes. */
final class ReconciliationCsv {
    private ReconciliationCsv() {
    }

    static void write(Reconciliation reconciliation, CsvWriter csv) throws IOException {
        csv.text("status").text("statement_line").text("statement_date").text("statement_amount")
                .text("description").text("reference").text("entry_sequence").text("leg").text("entry_key")
                .text("entry_date").text("entry_amount").text("memo").text("rule").text("note").endLine();
        for (Reconciliation.Matched matched : reconciliation.matched()) {
            line(csv, "MATCHED", matched.line());
            leg(csv, matched.leg(), matched.sequence(), matched.legIndex());
            csv.text(matched.rule()).text("").endLine();
        }
        for (Reconciliation.UnmatchedLine unmatched : reconciliation.unmatchedLines()) {
            line(csv, "STATEMENT_ONLY", unmatched.line());
            csv.text("").text("").text("").text("").text("").text("").text("")
                    .text(unmatched.note() == null ? "" : unmatched.note().text()).endLine();
        }
        for (Reconciliation.UnmatchedLeg unmatched : reconciliation.unmatchedLegs()) {
            csv.text("BOOKS_ONLY").text("").text("").text("").text("").text("");
            leg(csv, unmatched.leg(), unmatched.leg().sequence(), unmatched.leg().leg());
            csv.text("").text(unmatched.note() == null ? "" : unmatched.note().text()).endLine();
        }
    }

    private static void line(CsvWriter csv, String status, StatementLine line) throws IOException {
        csv.text(status).number(line.lineNumber()).text(line.day().toString()).number(line.amount())
                .text(line.description()).text(line.reference());
    }

    private static void leg(CsvWriter csv, BankLeg leg, long sequence, int index) throws IOException {
        csv.number(sequence).number(index);
        if (leg == null) {
            csv.text("").text("").text("").text("");
        } else {
            csv.text(leg.key()).text(leg.day().toString()).number(leg.amount()).text(leg.memo());
        }
    }
}

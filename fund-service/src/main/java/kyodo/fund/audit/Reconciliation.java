package kyodo.fund.audit;

import java.util.List;

/**
 * Where one imported statement stands against the books: lines matched to bank legs, statement lines with no
 * leg, and bank legs of the statement's period with no line, each unmatched item with its latest resolution note.
 */
public record Reconciliation(StatementImport statement, int windowDays, List<Matched> matched,
                             List<UnmatchedLine> unmatchedLines, List<UnmatchedLeg> unmatchedLegs) {

    /** @param leg the bank leg, or {@code null} if it could not be read back */
    public record Matched(StatementLine line, BankLeg leg, long sequence, int legIndex, String rule) {
    }

    public record UnmatchedLine(StatementLine line, ResolutionNote note) {
    }

    public record UnmatchedLeg(BankLeg leg, ResolutionNote note) {
    }
}

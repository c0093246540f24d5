package kyodo.fund.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One imported bank statement file: how many lines it had and how many of them were new (lines already imported
 * from an overlapping statement are kept once).
 */
public record StatementImport(long id, String fileName, String encoding, int lineCount, int newLineCount,
                              LocalDate firstDay, LocalDate lastDay, String importedBy, Instant importedAt) {
}

package kyodo.fund.audit;

import java.time.LocalDate;

/** A bank statement line as stored: deposits positive, withdrawals negative (yen). */
public record StatementLine(long id, long importId, int lineNumber, LocalDate day, long amount, String description,
                            String reference) {
}

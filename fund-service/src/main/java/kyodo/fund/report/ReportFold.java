package kyodo.fund.report;

import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.LedgerId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A report table that the {@link ReportFollower} keeps beside the journal: each round, the follower hands every
 * fold the classified legs of the entries it is folding in, inside the transaction that advances its position, so
 * a table is complete exactly up to the follower's position. The fund's own movements are one fold; other modules
 * (the currency's points report) add theirs as beans.
 */
public interface ReportFold {
    /** Adds {@code legs} (whole entries, in journal order) to the table, using {@code transaction}. */
    void fold(Connection transaction, LedgerId ledger, List<ClassifiedLeg> legs) throws SQLException;
}

package kyodo.fund.report;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a checkpoint cuts the journal in business days: entries up to {@code treeSize} are in; whole days before
 * {@code day} can come from daily aggregates, and {@code day} itself from its legs with sequence in
 * {@code [firstOfDay, treeSize]}. Timestamps never go back in the journal, so a day's entries are one sequence
 * range.
 */
record Cut(long treeSize, LocalDate day, long firstOfDay) {
    static final ZoneId WARD = ZoneId.of("Asia/Tokyo");

    static Cut at(JdbcClient jdbc, long ledgerId, long treeSize) {
        if (treeSize == 0) {
            return new Cut(0, LocalDate.MIN, 1);
        }
        Timestamp last = jdbc.sql("select posted_at from entry where ledger_id = ? and sequence = ?")
                .param(ledgerId).param(treeSize).query(Timestamp.class).single();
        LocalDate day = LocalDate.ofInstant(last.toInstant(), WARD);
        Timestamp dayStart = Timestamp.from(day.atStartOfDay(WARD).toInstant());
        Long first = jdbc.sql("""
                        select min(sequence) from entry
                         where ledger_id = ? and posted_at >= ? and sequence between ? and ?""")
                .param(ledgerId).param(dayStart).param(Math.max(1, treeSize - DAY_ENTRIES_BOUND)).param(treeSize)
                .query(Long.class).single();
        if (first != null && first == Math.max(1, treeSize - DAY_ENTRIES_BOUND) && first > 1) {
            first = jdbc.sql("select min(sequence) from entry where ledger_id = ? and posted_at >= ? and sequence <= ?")
                    .param(ledgerId).param(dayStart).param(treeSize).query(Long.class).single();
        }
        return new Cut(treeSize, day, first == null ? treeSize : first);
    }

    /**
     * A day's entries are looked for among the last this many first (a short index range); only a busier day
     * falls back to the time index over the whole journal.
     */
    private static final long DAY_ENTRIES_BOUND = 200_000;

    boolean empty() {
        return treeSize == 0;
    }
}

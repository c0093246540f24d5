package kyodo.fund.report;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a checkpoint cuts the journal in business days: entries up to {@code treeSize} are in; whole days before
 * {@code day} can come from daily aggregates, and {@code day} itself from its legs with sequence in
 * {@code [firstOfDay, treeSize]}. Timestamps never go back in the journal, so a day's entries are one sequence
 * range, and its first entry is found by a binary search over the primary key (about 20 point reads).
 */
record Cut(long treeSize, LocalDate day, long firstOfDay) {
    static final ZoneId WARD = ZoneId.of("Asia/Tokyo");

    static Cut at(JdbcClient jdbc, long ledgerId, long treeSize) {
        if (treeSize == 0) {
            return new Cut(0, LocalDate.MIN, 1);
        }
        LocalDate day = LocalDate.ofInstant(postedAt(jdbc, ledgerId, treeSize), WARD);
        Timestamp dayStart = Timestamp.from(day.atStartOfDay(WARD).toInstant());
        long first = jdbc.sql(FIRST_OF_DAY).param(treeSize).param(dayStart).param(dayStart).param(ledgerId)
                .query(Long.class).single();
        return new Cut(treeSize, day, first);
    }

    /** The binary search in one statement: each step reads one entry by its primary key. */
    private static final String FIRST_OF_DAY = """
            with recursive search (low, high) as (
                select 1::bigint, ?::bigint
                union all
                select case when e.posted_at < ? then m.middle + 1 else s.low end,
                       case when e.posted_at < ? then s.high else m.middle end
                  from search s
                 cross join lateral (select s.low + (s.high - s.low) / 2 as middle) m
                  join entry e on e.ledger_id = ? and e.sequence = m.middle
                 where s.low < s.high)
            select low from search where low >= high""";

    private static Instant postedAt(JdbcClient jdbc, long ledgerId, long sequence) {
        return jdbc.sql("select posted_at from entry where ledger_id = ? and sequence = ?")
                .param(ledgerId).param(sequence).query(Timestamp.class).single().toInstant();
    }

    boolean empty() {
        return treeSize == 0;
    }
}

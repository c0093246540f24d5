package kyodo.fund.report;

import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Keeps the report tables ({@code report_fund_movement}, {@code report_points_daily}) up to date with the journal,
 * after the fact, as the journal follower keeps the Merkle tree: it reads committed legs in sequence order after
 * its position, a bounded range per transaction, and advances its position in the same transaction. Its row lock
 * makes several followers (threads or processes) harmless: the second waits and then finds nothing to do.
 */
@Component
public class ReportFollower {
    /** Entries folded in per transaction: bounds the transaction, not the total. */
    public static final int BATCH_ENTRIES_MAX = 50_000;

    static final String DESIGNATION_PREFIX = "fund:designation:";

    /**
     * Fund legs in a sequence range, classified: a donation (bank → designation, in a DONATION entry), its reversal
     * (designation → bank, REVERSAL), and a grant payment (grants payable → bank, DISBURSE). The fund's own rows
     * add who and what for; the amount is always the leg's.
     */
    private static final String FUND_MOVEMENTS = """
            insert into report_fund_movement (ledger_id, sequence, leg_index, day, flow, designation, donation_id,
                donor_type, donor_key, award_id, program_id, group_id, field, amount)
            select l.ledger_id, l.sequence, l.leg_index, (l.posted_at at time zone 'Asia/Tokyo')::date, f.flow,
                   case f.flow when 'DONATION' then substring(c.code from %1$d)
                               when 'DONATION_REVERSED' then substring(d.code from %1$d)
                               else coalesce(aw.designation, 'unknown') end,
                   dn.id, dn.donor_type,
                   case when dn.id is null then null
                        else md5(coalesce('user:' || dn.donor_user_id,
                                 'donor:' || dn.donor_type || ':' || dn.donor_name || ':' || dn.donor_address)) end,
                   aw.id, aw.program_id, ap.group_id, pr.field, l.amount
              from leg l
              join entry e on e.ledger_id = l.ledger_id and e.sequence = l.sequence
              join account d on d.ledger_id = l.ledger_id and d.id = l.debit_account_id
              join account c on c.ledger_id = l.ledger_id and c.id = l.credit_account_id
             cross join lateral (select case
                   when e.kind = 'DONATION' and d.code = 'fund:bank' and c.code like 'fund:designation:%%'
                       then 'DONATION'
                   when e.kind = 'REVERSAL' and c.code = 'fund:bank' and d.code like 'fund:designation:%%'
                       then 'DONATION_REVERSED'
                   when e.kind = 'DISBURSE' and d.code = 'fund:grants-payable' and c.code = 'fund:bank'
                       then 'DISBURSED' end as flow) f
              left join fund_donation given on f.flow = 'DONATION' and given.entry_key = e.key
              left join fund_donation reversed on f.flow = 'DONATION_REVERSED' and reversed.reversal_key = e.key
              left join lateral (select coalesce(given.id, reversed.id) as id) donation on true
              left join fund_donation dn on dn.id = donation.id
              left join fund_disbursement fd on f.flow = 'DISBURSED' and fd.entry_key = e.key
              left join fund_award aw on aw.id = fd.award_id
              left join fund_application ap on ap.id = aw.application_id
              left join fund_program pr on pr.id = aw.program_id
             where l.ledger_id = ? and l.sequence > ? and l.sequence <= ? and l.kind = 'P' and l.asset = 'JPY'
               and f.flow is not null""".formatted(DESIGNATION_PREFIX.length() + 1);

    private static final String POINTS_DAILY = """
            insert into report_points_daily as r (ledger_id, day, kind, debit_class, credit_class, amount, legs)
            select ?, day, kind, debit_class, credit_class, sum(amount), count(*)
              from (%s) classified
             group by day, kind, debit_class, credit_class
            on conflict (ledger_id, day, kind, debit_class, credit_class)
            do update set amount = r.amount + excluded.amount, legs = r.legs + excluded.legs""";

    /**
     * The fund posts an entry and then, in its own transaction, records the entry's key on its row; in between, the
     * entry is on the books and its row is not visible yet. The follower stops before such an entry for this long,
     * so the report names the donor's type and the program; after it, the entry counts as unrecorded.
     */
    static final Duration ROW_GRACE = Duration.ofSeconds(60);

    private static final String FIRST_WITHOUT_ROW = """
            select min(e.sequence) from entry e
             where e.ledger_id = ? and e.sequence > ? and e.sequence <= ? and e.posted_at > ?
               and ((e.kind = 'DONATION' and e.key like 'fund-%'
                     and not exists (select 1 from fund_donation dn where dn.entry_key = e.key))
                 or (e.kind = 'REVERSAL' and e.key like 'fund-donation-%'
                     and not exists (select 1 from fund_donation dn where dn.reversal_key = e.key))
                 or (e.kind = 'DISBURSE' and e.key like 'fund-%'
                     and not exists (select 1 from fund_disbursement fd where fd.entry_key = e.key)))""";

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;

    public ReportFollower(DataSource dataSource, Ledger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Points legs (posted amounts) with sequence in {@code (? , ?]} of ledger {@code ?}, one row each: their
     * business day, entry kind and account classes. Shared by the follower and by reports reading the last,
     * partial day of a checkpoint, so both classify alike.
     */
    static String classifiedPointsLegs() {
        return """
                select (l.posted_at at time zone 'Asia/Tokyo')::date as day, e.kind,
                       %s as debit_class, %s as credit_class, l.amount
                  from leg l
                  join entry e on e.ledger_id = l.ledger_id and e.sequence = l.sequence
                  join account d on d.ledger_id = l.ledger_id and d.id = l.debit_account_id
                  join account c on c.ledger_id = l.ledger_id and c.id = l.credit_account_id
                 where l.ledger_id = ? and l.sequence > ? and l.sequence <= ? and l.asset = 'PT'
                   and l.kind in ('P', 'C')""".formatted(AccountClasses.of("d.code"), AccountClasses.of("c.code"));
    }

    public LedgerId ledgerId() {
        return ledger.id();
    }

    /** The sequence up to which the report tables are complete. */
    public long position() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select sequence from report_position where ledger_id = ?")) {
            statement.setLong(1, ledger.id().value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Folds in every committed entry up to the head. Returns the new position. */
    public long catchUp() throws SQLException {
        return catchUpTo(Long.MAX_VALUE);
    }

    /** Folds in committed entries up to {@code sequence} (or the head, if lower). Returns the new position. */
    public long catchUpTo(long sequence) throws SQLException {
        long position;
        do {
            long before = position();
            if (before >= sequence) {
                return before;
            }
            position = step(sequence);
            if (position == before) {
                return position;
            }
        } while (position < sequence);
        return position;
    }

    /** The first entry in {@code (from, to]} whose fund row is not visible yet (within the grace), or to + 1. */
    private long firstWithoutRow(Connection connection, long ledgerId, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIRST_WITHOUT_ROW)) {
            statement.setLong(1, ledgerId);
            statement.setLong(2, from);
            statement.setLong(3, to);
            statement.setTimestamp(4, Timestamp.from(clock.instant().minus(ROW_GRACE)));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? to + 1 : first;
            }
        }
    }

    private long step(long target) throws SQLException {
        long ledgerId = ledger.id().value();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into report_position (ledger_id, sequence, updated_at) values (?, 0, ?) "
                                + "on conflict do nothing")) {
                    insert.setLong(1, ledgerId);
                    insert.setTimestamp(2, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
                long from;
                try (PreparedStatement lock = connection.prepareStatement(
                        "select sequence from report_position where ledger_id = ? for update")) {
                    lock.setLong(1, ledgerId);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        from = rs.getLong(1);
                    }
                }
                long head;
                try (PreparedStatement read = connection.prepareStatement(
                        "select head_sequence from ledger where id = ?")) {
                    read.setLong(1, ledgerId);
                    try (ResultSet rs = read.executeQuery()) {
                        head = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                long to = Math.min(Math.min(head, target), from + BATCH_ENTRIES_MAX);
                to = Math.min(to, firstWithoutRow(connection, ledgerId, from, to) - 1);
                if (to <= from) {
                    connection.rollback();
                    return from;
                }
                try (PreparedStatement fund = connection.prepareStatement(FUND_MOVEMENTS)) {
                    fund.setLong(1, ledgerId);
                    fund.setLong(2, from);
                    fund.setLong(3, to);
                    fund.executeUpdate();
                }
                try (PreparedStatement points = connection.prepareStatement(
                        POINTS_DAILY.formatted(classifiedPointsLegs()))) {
                    points.setLong(1, ledgerId);
                    points.setLong(2, ledgerId);
                    points.setLong(3, from);
                    points.setLong(4, to);
                    points.executeUpdate();
                }
                try (PreparedStatement advance = connection.prepareStatement(
                        "update report_position set sequence = ?, updated_at = ? where ledger_id = ?")) {
                    advance.setLong(1, to);
                    advance.setTimestamp(2, Timestamp.from(clock.instant()));
                    advance.setLong(3, ledgerId);
                    advance.executeUpdate();
                }
                connection.commit();
                return to;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}

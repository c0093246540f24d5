package kyodo.fund.report;

import kyodo.fund.books.Designation;
import kyodo.ledger.ClassifiedLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the report tables up to date with the journal, after the fact, as the journal follower keeps the Merkle
 * tree: it reads committed entries' classified legs (from the ledger's read side) in sequence order after its
 * position, a bounded range per transaction, hands them to each {@link ReportFold} (the fund's movements here,
 * {@code report_fund_movement}; other modules' folds as beans) and advances its position in the same transaction.
 * Its row lock makes several followers (threads or processes) harmless: the second waits and then finds nothing to
 * do.
 */
@Component
public class ReportFollower {
    /** Entries folded in per transaction: bounds the transaction, not the total. */
    public static final int BATCH_ENTRIES_MAX = 50_000;

    /**
     * The fund's movements of a round, one row per leg with what the fund's own tables say about it (the donor's
     * type and a one-way key, the award's program, group and field); the amount is always the leg's.
     */
    private static final String FUND_MOVEMENTS = """
            insert into report_fund_movement (ledger_id, sequence, leg_index, day, flow, designation, donation_id,
                donor_type, donor_key, award_id, program_id, group_id, field, amount)
            select ?, f.sequence, f.leg_index, f.day, f.flow,
                   case f.flow when 'DISBURSED' then coalesce(aw.designation, 'unknown') else f.designation end,
                   dn.id, dn.donor_type,
                   case when dn.id is null then null
                        else md5(coalesce('user:' || dn.donor_user_id,
                                 'donor:' || dn.donor_type || ':' || dn.donor_name || ':' || dn.donor_address)) end,
                   aw.id, aw.program_id, ap.group_id, pr.field, f.amount
              from unnest(?::bigint[], ?::smallint[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[])
                   as f(sequence, leg_index, day, flow, entry_key, designation, amount)
              left join fund_donation given on f.flow = 'DONATION' and given.entry_key = f.entry_key
              left join fund_donation reversed on f.flow = 'DONATION_REVERSED' and reversed.reversal_key = f.entry_key
              left join lateral (select coalesce(given.id, reversed.id) as id) donation on true
              left join fund_donation dn on dn.id = donation.id
              left join fund_disbursement fd on f.flow = 'DISBURSED' and fd.entry_key = f.entry_key
              left join fund_award aw on aw.id = fd.award_id
              left join fund_application ap on ap.id = aw.application_id
              left join fund_program pr on pr.id = aw.program_id""";

    /**
     * The fund posts an entry and then, in its own transaction, records the entry's key on its row; in between, the
     * entry is on the books and its row is not visible yet. The follower stops before such an entry for this long,
     * so the report names the donor's type and the program; after it, the entry counts as unrecorded.
     */
    static final Duration ROW_GRACE = Duration.ofSeconds(60);

    /** Of the keys given per flow, those whose fund row is visible. */
    private static final String KEYS_WITH_ROWS = """
            select dn.entry_key from fund_donation dn where dn.entry_key = any (?)
            union all
            select dn.reversal_key from fund_donation dn where dn.reversal_key = any (?)
            union all
            select fd.entry_key from fund_disbursement fd where fd.entry_key = any (?)""";

    private final DataSource dataSource;
    private final Ledger ledger;
    private final Clock clock;
    private final List<ReportFold> folds;

    @Autowired
    public ReportFollower(DataSource dataSource, Ledger ledger, Clock clock, ObjectProvider<ReportFold> folds) {
        this(dataSource, ledger, clock, folds.orderedStream().toList());
    }

    /** A follower with the fund's movements and {@code folds} (e.g. a benchmark's, or none). */
    public ReportFollower(DataSource dataSource, Ledger ledger, Clock clock, List<ReportFold> folds) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
        this.folds = List.copyOf(folds);
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

    /**
     * The first entry among {@code legs} (entries in {@code (from, to]}) that moved fund money, was posted within the
     * grace, and whose fund row is not visible yet; or {@code to + 1}.
     */
    private long firstWithoutRow(Connection connection, List<ClassifiedLeg> legs, long to) throws SQLException {
        Instant recent = clock.instant().minus(ROW_GRACE);
        Map<FundFlow, List<String>> keys = new EnumMap<>(FundFlow.class);
        List<ClassifiedLeg> waiting = new ArrayList<>();
        for (ClassifiedLeg leg : legs) {
            Optional<FundFlow> flow = FundFlow.of(leg);
            if (flow.isPresent() && leg.postedAt().isAfter(recent)) {
                keys.computeIfAbsent(flow.get(), f -> new ArrayList<>()).add(leg.key().value());
                waiting.add(leg);
            }
        }
        if (waiting.isEmpty()) {
            return to + 1;
        }
        Set<String> recorded = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(KEYS_WITH_ROWS)) {
            statement.setArray(1, connection.createArrayOf("text", keys(keys, FundFlow.DONATION)));
            statement.setArray(2, connection.createArrayOf("text", keys(keys, FundFlow.DONATION_REVERSED)));
            statement.setArray(3, connection.createArrayOf("text", keys(keys, FundFlow.DISBURSED)));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
        }
        for (ClassifiedLeg leg : waiting) {
            if (!recorded.contains(leg.key().value())) {
                return leg.sequence();
            }
        }
        return to + 1;
    }

    private static Object[] keys(Map<FundFlow, List<String>> keys, FundFlow flow) {
        return keys.getOrDefault(flow, List.of()).toArray();
    }

    /** The classified legs of the entries in {@code (from, to]}, read a bounded range at a time. */
    private List<ClassifiedLeg> legs(long from, long to) {
        List<ClassifiedLeg> legs = new ArrayList<>();
        for (long after = from; after < to; after += Ledger.CLASSIFIED_ENTRIES_MAX) {
            legs.addAll(ledger.classifiedLegs(after, to));
        }
        return legs;
    }

    /** The fund's own fold: one row per leg that moved fund money in or out. */
    private void foldFundMovements(Connection connection, List<ClassifiedLeg> legs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (ClassifiedLeg leg : legs) {
            Optional<FundFlow> flow = FundFlow.of(leg);
            if (flow.isEmpty()) {
                continue;
            }
            String designation = flow.get() == FundFlow.DISBURSED ? null
                    : Designation.textOfAccount(flow.get().designationCode(leg));
            rows.add(new Object[] {leg.sequence(), leg.leg().index(), leg.day(), flow.get().name(), leg.key().value(),
                    designation, leg.leg().amount()});
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(FUND_MOVEMENTS)) {
            insert.setLong(1, ledger.id().value());
            String[] types = {"bigint", "smallint", "date", "text", "text", "text", "bigint"};
            for (int column = 0; column < types.length; column++) {
                Object[] values = new Object[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    values[row] = rows.get(row)[column];
                }
                insert.setArray(column + 2, connection.createArrayOf(types[column], values));
            }
            insert.executeUpdate();
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
                long to = Math.min(Math.min(ledger.head().sequence(), target), from + BATCH_ENTRIES_MAX);
                List<ClassifiedLeg> legs = to <= from ? List.of() : legs(from, to);
                long cut = Math.min(to, firstWithoutRow(connection, legs, to) - 1);
                if (cut <= from) {
                    connection.rollback();
                    return from;
                }
                if (cut < to) {
                    legs = legs.stream().filter(leg -> leg.sequence() <= cut).toList();
                }
                foldFundMovements(connection, legs);
                for (ReportFold fold : folds) {
                    fold.fold(connection, ledger.id(), legs);
                }
                try (PreparedStatement advance = connection.prepareStatement(
                        "update report_position set sequence = ?, updated_at = ? where ledger_id = ?")) {
                    advance.setLong(1, cut);
                    advance.setTimestamp(2, Timestamp.from(clock.instant()));
                    advance.setLong(3, ledgerId);
                    advance.executeUpdate();
                }
                connection.commit();
                return cut;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}

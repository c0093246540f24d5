package kyodo.fund.report;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.problem.Refused;
import kyodo.ledger.journal.postgres.StoredCheckpoint;
import org.springframework.stereotype.Service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public reports: brings the report tables up to the latest signed checkpoint, then computes the figures at
 * the newest checkpoint they cover (the latest one, unless an entry's fund row was still being written a moment
 * ago). Reads only; no sign-in. Other modules' reports over the same tables (the currency's points report) ask
 * for the same {@link #checkpoint()}.
 */
@Service
public class PublicReports {
    private final ReportFollower follower;
    private final Checkpoints checkpoints;
    private final FundReports fund;
    private final Clock clock;
    /** Reports by (year, tree size, root), the most recently used {@link #CACHED_REPORTS_MAX}. */
    private final Map<List<Object>, FundReport> computed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, FundReport> eldest) {
            return size() > CACHED_REPORTS_MAX;
        }
    };

    static final int CACHED_REPORTS_MAX = 16;

    PublicReports(ReportFollower follower, Checkpoints checkpoints, FundReports fund, Clock clock) {
        this.follower = follower;
        this.checkpoints = checkpoints;
        this.fund = fund;
        this.clock = clock;
    }

    /**
     * The fund report of {@code year} at the newest covered checkpoint. Figures at a checkpoint never change (the
     * journal is append-only), so a report is computed once per year and checkpoint and then served from memory
     * until a newer checkpoint arrives.
     */
    public FundReport fund(FiscalYear year) {
        FiscalYear checkedYear = checked(year);
        ReportCheckpoint checkpoint = checkpoint();
        List<Object> key = List.of(checkedYear.year(), checkpoint.treeSize(), checkpoint.rootHex());
        synchronized (computed) {
            FundReport cached = computed.get(key);
            if (cached != null) {
                return cached;
            }
        }
        FundReport report = fund.compute(checkedYear, checkpoint);
        synchronized (computed) {
            computed.put(key, report);
        }
        return report;
    }

    public FiscalYear currentYear() {
        return FiscalYear.current(clock);
    }

    /** The current fiscal year and the four before it, newest first: the years a report page links to. */
    public List<Integer> recentYears() {
        int current = currentYear().year();
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = current; y > current - 5 && y >= FiscalYear.YEAR_MIN; y--) {
            years.add(y);
        }
        return years;
    }

    /** A year from the path or query: a number, not after the current fiscal year. */
    public FiscalYear year(String text) {
        if (text == null || text.isBlank()) {
            return currentYear();
        }
        if (!text.matches("[0-9]{4}")) {
            throw Refused.invalid("year must be a fiscal year such as " + currentYear().year() + ", was " + clip(text));
        }
        int year = Integer.parseInt(text);
        if (year < FiscalYear.YEAR_MIN || year > currentYear().year()) {
            throw Refused.invalid("year must be in " + FiscalYear.YEAR_MIN + ".." + currentYear().year()
                    + ", was " + year);
        }
        return new FiscalYear(year);
    }

    /** How many independent witnesses cosigned the checkpoint a report relies on (0 before the first one). */
    int witnesses(ReportCheckpoint checkpoint) {
        if (!checkpoint.exists()) {
            return 0;
        }
        try {
            return checkpoints.witnesses(checkpoint.treeSize());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's cosignatures", e);
        }
    }

    /** A year that has begun, else refused. */
    public FiscalYear checked(FiscalYear year) {
        if (year.year() > currentYear().year()) {
            throw Refused.invalid("fiscal year " + year.year() + " has not begun");
        }
        return year;
    }

    /**
     * The newest signed checkpoint that the report tables cover, after bringing them up to the latest one: every
     * figure of a public report is computed at it.
     */
    public ReportCheckpoint checkpoint() {
        try {
            Optional<StoredCheckpoint> latest = checkpoints.latest();
            if (latest.isEmpty()) {
                return ReportCheckpoint.NONE;
            }
            long covered = follower.catchUpTo(latest.get().treeSize());
            return checkpoints.newestWithin(covered);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal's checkpoints", e);
        }
    }

    private static String clip(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}

package kyodo.fund.report;

import kyodo.ledger.calendar.FiscalYear;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fund distribution report of one fiscal year at one signed checkpoint. {@link #figures()} are the figures as
 * published (the open data's rows); the other methods are views of the same figures for the page and the PDF.
 *
 * @param months   the months of the year the checkpoint has reached, April first
 * @param programs program titles by id, for the programs that appear in the figures
 * @param groups   group names by id, for the groups that appear in the figures (groups are public)
 * @param namedDonors donors who gave in the year and consented to be named (never anonymous ones; no amounts)
 */
public record FundReport(FiscalYear year, ReportCheckpoint checkpoint, List<YearMonth> months, List<Figure> figures,
                         Map<Long, String> programs, Map<Long, String> groups, List<String> namedDonors) {
    public static final String UNRECORDED = "unrecorded";

    public long donors() {
        return sum(f -> f.section() == Figure.Section.DONORS, Figure::count);
    }

    public long donations() {
        return sum(f -> f.section() == Figure.Section.IN, Figure::count);
    }

    public long totalIn() {
        return sum(f -> f.section() == Figure.Section.IN, Figure::amount);
    }

    public long totalOut() {
        return sum(f -> f.section() == Figure.Section.OUT, Figure::amount);
    }

    public Map<String, Long> inBySource() {
        return totals(Figure.Section.IN, f -> f.sourceType() == null ? UNRECORDED : f.sourceType());
    }

    public Map<String, Long> inByDesignation() {
        return totals(Figure.Section.IN, Figure::designation);
    }

    /** Source type → designation → amount, for the flow diagram. */
    public Map<String, Map<String, Long>> inBySourceAndDesignation() {
        Map<String, Map<String, Long>> flows = new TreeMap<>();
        for (Figure f : figures) {
            if (f.section() == Figure.Section.IN) {
                flows.computeIfAbsent(f.sourceType() == null ? UNRECORDED : f.sourceType(), k -> new TreeMap<>())
                        .merge(f.designation(), f.amount(), Math::addExact);
            }
        }
        return flows;
    }

    /** Designation → group id → amount paid, for the flow diagram. */
    public Map<String, Map<Long, Long>> outByDesignationAndGroup() {
        Map<String, Map<Long, Long>> flows = new TreeMap<>();
        for (Figure f : figures) {
            if (f.section() == Figure.Section.OUT) {
                flows.computeIfAbsent(f.designation(), k -> new TreeMap<>())
                        .merge(f.groupId() == null ? 0L : f.groupId(), f.amount(), Math::addExact);
            }
        }
        return flows;
    }

    public Map<String, Long> outByField() {
        return totals(Figure.Section.OUT, f -> f.field() == null ? UNRECORDED : f.field());
    }

    public Map<Long, Long> outByProgram() {
        return totals(Figure.Section.OUT, f -> f.programId() == null ? 0L : f.programId());
    }

    public Map<Long, Long> outByGroup() {
        return totals(Figure.Section.OUT, f -> f.groupId() == null ? 0L : f.groupId());
    }

    public Map<YearMonth, Long> inByMonth() {
        return monthly(Figure.Section.IN);
    }

    public Map<YearMonth, Long> outByMonth() {
        return monthly(Figure.Section.OUT);
    }

    public Map<String, Long> openingBalances() {
        return totals(Figure.Section.OPENING_BALANCE, Figure::designation);
    }

    public Map<String, Long> committed() {
        return totals(Figure.Section.COMMITTED, Figure::designation);
    }

    /** Each designation's balance at the end of the year's last reported month (at the checkpoint). */
    public Map<String, Long> closingBalances() {
        Map<String, Long> closing = new TreeMap<>(openingBalances());
        if (!months.isEmpty()) {
            YearMonth last = months.get(months.size() - 1);
            for (Figure f : figures) {
                if (f.section() == Figure.Section.BALANCE && f.month().equals(last)) {
                    closing.put(f.designation(), f.amount());
                }
            }
        }
        return closing;
    }

    /** Month → designation → balance at the month's end, every designation in every month. */
    public Map<YearMonth, Map<String, Long>> balancesByMonth() {
        Map<YearMonth, Map<String, Long>> series = new LinkedHashMap<>();
        for (YearMonth month : months) {
            series.put(month, new TreeMap<>());
        }
        for (Figure f : figures) {
            if (f.section() == Figure.Section.BALANCE) {
                series.get(f.month()).put(f.designation(), f.amount());
            }
        }
        return series;
    }

    public String programTitle(Long id) {
        return id == null || id == 0 ? UNRECORDED : programs.getOrDefault(id, "#" + id);
    }

    public String groupName(Long id) {
        return id == null || id == 0 ? UNRECORDED : groups.getOrDefault(id, "#" + id);
    }

    private long sum(Predicate<Figure> which, Function<Figure, Long> value) {
        long total = 0;
        for (Figure f : figures) {
            if (which.test(f)) {
                total = Math.addExact(total, value.apply(f));
            }
        }
        return total;
    }

    private <K extends Comparable<K>> Map<K, Long> totals(Figure.Section section, Function<Figure, K> key) {
        Map<K, Long> totals = new TreeMap<>();
        for (Figure f : figures) {
            if (f.section() == section) {
                totals.merge(key.apply(f), f.amount(), Math::addExact);
            }
        }
        return totals;
    }

    private Map<YearMonth, Long> monthly(Figure.Section section) {
        Map<YearMonth, Long> totals = new LinkedHashMap<>();
        for (YearMonth month : months) {
            totals.put(month, 0L);
        }
        for (Figure f : figures) {
            if (f.section() == section) {
                totals.merge(f.month(), f.amount(), Math::addExact);
            }
        }
        return totals;
    }
}

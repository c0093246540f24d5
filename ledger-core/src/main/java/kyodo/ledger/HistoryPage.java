package kyodo.ledger;

import java.util.List;

/** A page of history, oldest first; pass {@code nextAfter} to get the next page, {@code 0} means no more. */
public record HistoryPage(List<HistoryLine> lines, long nextAfter) {
    public static final int LIMIT_MAX = 500;

    public HistoryPage {
        lines = List.copyOf(lines);
    }
}

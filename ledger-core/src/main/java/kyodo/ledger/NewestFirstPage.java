package kyodo.ledger;

import java.util.List;

/**
 * A page of history, newest entry first (an entry's lines in leg order); pass {@code nextBefore} as {@code before}
 * for the next, older page; {@code 0} means no more.
 */
public record NewestFirstPage(List<HistoryLine> lines, long nextBefore) {
    public NewestFirstPage {
        lines = List.copyOf(lines);
    }
}

package kyodo.wallet.account;

import java.time.YearMonth;
import java.util.List;

/**
 * One page of a wallet's history for a month in the ward's time zone, newest first.
 *
 * @param nextBefore pass as {@code before} for the older rest of a month busier than one read; 0 for none
 */
public record Statement(WalletBalance balance, YearMonth month, List<StatementLine> lines, int page, boolean hasMore,
                        long nextBefore) {
}

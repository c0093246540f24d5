package kyodo.wallet.account;

import java.time.Instant;

/**
 * One movement as the holder sees it.
 *
 * @param counterparty a display name, or a message key starting with {@code #}
 * @param change       signed points: positive came in
 */
public record StatementLine(long sequence, Instant postedAt, String kind, String counterparty, long change,
                            long pendingChange, String memo) {
}

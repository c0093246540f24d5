package kyodo.ledger;

import java.time.Instant;

/**
 * One leg as seen from one account: the entry it belongs to, the other side, and the signed change it made
 * to the account's posted and pending balances (in the account's normal direction).
 *
 * @param account the account the line is about
 */
public record HistoryLine(
        long sequence,
        int leg,
        EntryKey key,
        EntryKind kind,
        Instant postedAt,
        String memo,
        LegKind legKind,
        AccountId counterparty,
        long postedChange,
        long pendingChange,
        AccountId account) {
}

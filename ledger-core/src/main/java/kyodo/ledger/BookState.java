package kyodo.ledger;

/**
 * What {@link EntryDecision} reads from the books: accounts with their current totals, keys already posted,
 * and pending legs. The in-memory ledger answers from its maps; the PostgreSQL ledger from what one batch
 * loaded under its locks, updated as the batch's earlier entries are decided.
 */
public interface BookState {
    /** The account with its current totals, or {@code null}. */
    Account account(AccountId id);

    /** The entry already posted under this key, or {@code null}. */
    PostedKey posted(EntryKey key);

    /** The pending leg, or {@code null} if there is none. */
    PendingState pending(PendingId id);

    /** What the books remember of a posted key: enough to tell a retry from a reuse. */
    record PostedKey(long sequence, byte[] requestDigest) {
    }
}

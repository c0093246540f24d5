package kyodo.ledger;

/**
 * The ledger could not be reached or could not record an entry (database down, writer closed). Not a business
 * rejection: the caller may retry with the same key, which is safe.
 */
public final class LedgerUnavailable extends RuntimeException {
    public LedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

package kyodo.ledger;

/**
 * The caller-chosen idempotency key of an entry, unique in its ledger: posting the same key twice posts once.
 * Validity (1..128 printable ASCII characters, no spaces) is checked by the ledger as a result code.
 */
public record EntryKey(String value) {
    public static final int LENGTH_MAX = 128;

    public boolean valid() {
        if (value == null || value.isEmpty() || value.length() > LENGTH_MAX) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

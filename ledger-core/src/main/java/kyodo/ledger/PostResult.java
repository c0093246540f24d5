package kyodo.ledger;

/**
 * The outcome for one entry.
 *
 * @param sequence the entry's journal sequence number when it is on the books, else 0
 * @param leg      the index of the leg that caused a rejection, or -1 when no single leg did
 */
public record PostResult(EntryKey key, ResultCode code, long sequence, int leg) {
    public static PostResult posted(EntryKey key, ResultCode code, long sequence) {
        return new PostResult(key, code, sequence, -1);
    }

    public static PostResult rejected(EntryKey key, ResultCode code, int leg) {
        return new PostResult(key, code, 0, leg);
    }

    public boolean onTheBooks() {
        return code.onTheBooks();
    }
}

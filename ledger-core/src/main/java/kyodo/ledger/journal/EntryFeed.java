package kyodo.ledger.journal;

import kyodo.ledger.JournalEntry;
import kyodo.ledger.Ledger;

import java.util.List;

/** Where a follower reads committed entries: the newest sequence, and pages of entries by sequence. */
public interface EntryFeed {
    /** The sequence of the newest committed entry (0 when the journal is empty). */
    long head();

    /** Entries {@code from..to} inclusive, in order; may return fewer (a page), never skips one that exists. */
    List<JournalEntry> entries(long from, long to);

    /** A feed that reads through the {@link Ledger} interface, for any implementation of the books. */
    static EntryFeed of(Ledger ledger) {
        return new EntryFeed() {
            @Override
            public long head() {
                return ledger.head().sequence();
            }

            @Override
            public List<JournalEntry> entries(long from, long to) {
                return ledger.entries(from, to);
            }
        };
    }
}

package kyodo.ledger.journal.export;

import kyodo.ledger.Account;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.LedgerId;

import java.util.List;

/**
 * One consistent view of a ledger to export: entries {@code 1..size()}, and every account with its totals
 * after exactly those entries. Implementations take the view once (a database snapshot, or a quiet moment of
 * the in-memory ledger), so the totals agree with the entries.
 */
public interface ExportSource {
    /** Entries per page when reading the journal. */
    int PAGE_ENTRIES = 500;

    LedgerId ledger();

    long size();

    /** The chain hash after entry {@code size()}. */
    byte[] headHash();

    /** Every account, in id order, with its totals after entry {@code size()}. */
    List<Account> accounts();

    /** Entries {@code from..to} inclusive, in order, at most {@link #PAGE_ENTRIES}. */
    List<JournalEntry> entries(long from, long to);

    /** The stored leaf hash of an entry, or {@code null} to have the exporter compute it from the entry. */
    default byte[] storedLeafHash(long sequence) {
        return null;
    }
}

package kyodo.ledger;

import kyodo.ledger.calendar.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A journal leg with its entry's key, kind and time and the classes of the two accounts it moves between: what
 * followers fold into reports and what audits classify, without reading account codes.
 */
public record ClassifiedLeg(long sequence, EntryKey key, EntryKind entryKind, Instant postedAt, JournalLeg leg,
                            AccountRef debit, AccountRef credit) {
    /** The business day the entry was posted on. */
    public LocalDate day() {
        return BusinessCalendar.dayOf(postedAt);
    }

    /** What the leg added to the posted totals of both its accounts (0 for holds and voids). */
    public long postedAmount() {
        return leg.postedAmount();
    }
}

package kyodo.ledger;

import java.util.Set;

/**
 * Which entries a journal search selects; every part is optional (null: no condition), combined with "and".
 *
 * @param accounts entries with a leg on any of these accounts (at most {@link AccountQuery#IDS_MAX})
 */
public record EntryFilter(EntryKind kind, String actor, Set<AccountId> accounts) {
    public static final EntryFilter ANY = new EntryFilter(null, null, null);

    public EntryFilter {
        if (accounts != null && accounts.size() > AccountQuery.IDS_MAX) {
            throw new IllegalArgumentException("an entry filter names at most " + AccountQuery.IDS_MAX
                    + " accounts, was " + accounts.size());
        }
        accounts = accounts == null ? null : Set.copyOf(accounts);
    }

    public boolean matches(JournalEntry entry) {
        if ((kind != null && !entry.kind().equals(kind)) || (actor != null && !entry.actor().equals(actor))) {
            return false;
        }
        if (accounts == null) {
            return true;
        }
        for (JournalLeg leg : entry.legs()) {
            if (accounts.contains(leg.debit()) || accounts.contains(leg.credit())) {
                return true;
            }
        }
        return false;
    }
}

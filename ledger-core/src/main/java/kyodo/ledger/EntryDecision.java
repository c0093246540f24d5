package kyodo.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Decides one well-formed entry against the books: either a rejection, or the journal legs to write and the
 * new totals of every touched account. Legs are applied in order and each leg's accounts are checked right
 * after it, so an entry cannot borrow from its own later legs. Nothing is changed here; the caller applies
 * an acceptance.
 */
public sealed interface EntryDecision {

    record Rejected(PostResult result) implements EntryDecision {
    }

    /** The entry's legs (in order) and the touched accounts' totals after them. */
    record Accepted(List<JournalLeg> legs, Map<AccountId, Totals> totals) implements EntryDecision {
    }

    /**
     * @param digest the request's digest (see {@code CanonicalEncoding.requestDigest}), to recognise retries
     * @param now    the ledger's timestamp for this entry; holds expire relative to it
     */
    static EntryDecision decide(EntryRequest request, byte[] digest, Instant now, BookState books) {
        return Decider.decide(request, digest, now, books);
    }
}

package kyodo.fund.audit;

import kyodo.fund.access.People;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refused;
import kyodo.ledger.EntryKind;
import kyodo.ledger.Ledger;
import kyodo.ledger.LedgerId;
import kyodo.ledger.LegKind;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The general journal (仕訳帳) search: entries in a period of business days, optionally of one kind, by one
 * acting user, or touching accounts whose code starts with a prefix; a bounded page at a time, oldest first.
 * The period becomes a sequence range (timestamps grow with the sequence), so every page is an index range scan.
 */
@Service
public class JournalSearch {
    public static final int PAGE_MAX = 200;
    public static final int PREFIX_LENGTH_MAX = 128;

    private final Ledger ledger;
    private final BookRows rows;
    private final People people;

    JournalSearch(Ledger ledger, BookRows rows, People people) {
        this.ledger = ledger;
        this.rows = rows;
        this.people = people;
    }

    /** Every field is optional; {@code after} is the last sequence of the previous page (0 for the first). */
    public record Criteria(LocalDate from, LocalDate to, String kind, String account, String actor, long after,
                           int limit) {
    }

    public record FoundLeg(int index, String kind, String debit, String credit, String asset, long amount) {
    }

    public record Found(long sequence, String key, String kind, String actor, String memo, Instant postedAt,
                        LocalDate day, List<FoundLeg> legs) {
    }

    /** @param nextAfter pass as {@code after} for the next page; 0 when this page is the last */
    public record Page(List<Found> entries, long nextAfter) {
    }

    public Page search(Criteria criteria) {
        String kind = blankToNull(criteria.kind());
        if (kind != null && !new EntryKind(kind).valid()) {
            throw Refused.invalid("kind must be an entry kind such as DONATION (capital letters, digits, '_')");
        }
        String actor = blankToNull(criteria.actor());
        if (actor != null && actor.length() > Inputs.USERNAME_LENGTH_MAX) {
            throw Refused.invalid("user must have at most " + Inputs.USERNAME_LENGTH_MAX + " characters");
        }
        if (actor != null) {
            // Entries name people as user:<id>; an auditor types the username, or an actor as the journal has it.
            String typed = actor;
            actor = people.byUsername(typed).map(p -> p.id().journalActor()).orElse(typed);
        }
        String prefix = blankToNull(criteria.account());
        if (prefix != null && prefix.length() > PREFIX_LENGTH_MAX) {
            throw Refused.invalid("account must have at most " + PREFIX_LENGTH_MAX + " characters");
        }
        if (criteria.from() != null) {
            TrialBalances.requireDate(criteria.from());
        }
        if (criteria.to() != null) {
            TrialBalances.requireDate(criteria.to());
        }
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw Refused.invalid("the period must not end before it starts");
        }
        if (criteria.after() < 0) {
            throw Refused.invalid("after must not be negative");
        }
        int limit = Math.max(1, Math.min(criteria.limit(), PAGE_MAX));
        LedgerId id = ledger.id();
        long head = ledger.head().sequence();
        long first = criteria.from() == null ? 1 : rows.firstSequenceAtOrAfter(id, head, BusinessDay.start(criteria.from()));
        long last = criteria.to() == null ? head
                : rows.firstSequenceAtOrAfter(id, head, BusinessDay.start(criteria.to().plusDays(1))) - 1;
        List<Long> accounts = null;
        if (prefix != null) {
            accounts = rows.accountsByPrefix(id, prefix);
            if (accounts.size() > BookRows.PREFIX_ACCOUNTS_MAX) {
                throw Refused.invalid("account prefix '" + prefix + "' names more than " + BookRows.PREFIX_ACCOUNTS_MAX
                        + " accounts; give a longer prefix");
            }
            if (accounts.isEmpty()) {
                return new Page(List.of(), 0);
            }
        }
        long after = Math.max(criteria.after(), first - 1);
        List<BookRows.EntryRow> found = rows.searchEntries(id, after, last, kind, actor, accounts, limit);
        return new Page(withLegs(id, found), found.size() == limit ? found.get(found.size() - 1).sequence() : 0);
    }

    private List<Found> withLegs(LedgerId id, List<BookRows.EntryRow> entries) {
        Map<Long, List<BookRows.LegRow>> legs = new LinkedHashMap<>();
        for (BookRows.EntryRow entry : entries) {
            legs.put(entry.sequence(), new ArrayList<>());
        }
        Set<Long> accountIds = new HashSet<>();
        for (BookRows.LegRow leg : rows.legsOf(id, legs.keySet())) {
            legs.get(leg.sequence()).add(leg);
            accountIds.add(leg.debit());
            accountIds.add(leg.credit());
        }
        Map<Long, String> codes = rows.codes(id, accountIds);
        List<Found> found = new ArrayList<>(entries.size());
        for (BookRows.EntryRow entry : entries) {
            List<FoundLeg> shown = legs.get(entry.sequence()).stream().map(leg -> new FoundLeg(leg.index(),
                    LegKind.ofLetter(leg.kind().charAt(0)).name(), codes.get(leg.debit()), codes.get(leg.credit()),
                    leg.asset(), leg.amount())).toList();
            found.add(new Found(entry.sequence(), entry.key(), entry.kind(), entry.actor(), entry.memo(),
                    entry.postedAt(), BusinessDay.of(entry.postedAt()), shown));
        }
        return found;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

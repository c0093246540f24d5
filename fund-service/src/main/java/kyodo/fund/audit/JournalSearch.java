package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.EntryFilter;
import kyodo.ledger.EntryKind;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
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

    /** Accounts a code prefix may name in one search; a broader prefix is refused as too vague. */
    public static final int PREFIX_ACCOUNTS_MAX = Ledger.ACCOUNTS_PAGE_MAX;

    private final Ledger ledger;
    private final People people;

    JournalSearch(Ledger ledger, People people) {
        this.ledger = ledger;
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
        long head = ledger.head().sequence();
        long first = criteria.from() == null ? 1
                : ledger.firstSequenceAtOrAfter(BusinessCalendar.startOf(criteria.from()));
        long last = criteria.to() == null ? head
                : ledger.firstSequenceAtOrAfter(BusinessCalendar.startOf(criteria.to().plusDays(1))) - 1;
        Set<AccountId> accounts = null;
        if (prefix != null) {
            AccountQuery byPrefix = AccountQuery.all().codePrefix(prefix);
            List<Account> named = ledger.accounts(byPrefix, "", PREFIX_ACCOUNTS_MAX);
            boolean more = named.size() == PREFIX_ACCOUNTS_MAX
                    && !ledger.accounts(byPrefix, named.get(named.size() - 1).code(), 1).isEmpty();
            if (more) {
                throw Refused.invalid("account prefix '" + prefix + "' names more than " + PREFIX_ACCOUNTS_MAX
                        + " accounts; give a longer prefix");
            }
            if (named.isEmpty()) {
                return new Page(List.of(), 0);
            }
            accounts = new HashSet<>();
            for (Account account : named) {
                accounts.add(account.id());
            }
        }
        long after = Math.max(criteria.after(), first - 1);
        List<JournalEntry> found = ledger.entries(new EntryFilter(kind == null ? null : new EntryKind(kind), actor,
                accounts), after, last, limit);
        return new Page(withCodes(found), found.size() == limit ? found.get(found.size() - 1).sequence() : 0);
    }

    private List<Found> withCodes(List<JournalEntry> entries) {
        Map<AccountId, String> codes = new HashMap<>();
        List<Found> found = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            List<FoundLeg> shown = new ArrayList<>(entry.legs().size());
            for (JournalLeg leg : entry.legs()) {
                shown.add(new FoundLeg(leg.index(), leg.kind().name(), code(leg.debit(), codes),
                        code(leg.credit(), codes), leg.asset().code(), leg.amount()));
            }
            found.add(new Found(entry.sequence(), entry.key().value(), entry.kind().code(), entry.actor(),
                    entry.memo(), entry.postedAt(), BusinessCalendar.dayOf(entry.postedAt()), shown));
        }
        return found;
    }

    private String code(AccountId id, Map<AccountId, String> codes) {
        return codes.computeIfAbsent(id, key -> ledger.account(key).map(Account::code).orElse(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.Balance;
import kyodo.ledger.HistoryLine;
import kyodo.ledger.HistoryPage;
import kyodo.ledger.Ledger;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account statement for a period of business days: the posted balance at the start of the first day, the
 * movements (a page at a time, from the ledger's history) and the balance at the end of the last day.
 * Opening plus every movement equals closing: the tests hold the history and the balances to that.
 */
@Service
public class AccountStatements {
    public static final int PAGE_MAX = HistoryPage.LIMIT_MAX;
    public static final int CODE_LENGTH_MAX = 128;

    private final Ledger ledger;

    AccountStatements(Ledger ledger) {
        this.ledger = ledger;
    }

    public record Line(long sequence, int leg, String key, String kind, Instant postedAt, LocalDate day,
                       String memo, String legKind, String counterparty, long postedChange, long pendingChange) {
    }

    /**
     * Balances are posted balances in the account's normal direction; the pending ones are the open holds' net
     * effect in the same direction, so opening plus the lines' pending changes gives the closing pending.
     *
     * @param nextAfter the sequence to pass as {@code after} for the next page, or 0 when this is the last page
     */
    public record Statement(String code, String asset, String kind, LocalDate from, LocalDate to, long opening,
                            long closing, long openingPending, long closingPending, List<Line> lines,
                            long nextAfter) {
    }

    public Statement statement(String code, LocalDate from, LocalDate to, long after, int limit) {
        if (code == null || code.isBlank() || code.length() > CODE_LENGTH_MAX) {
            throw Refused.invalid("account is required (an account code of at most " + CODE_LENGTH_MAX + " characters)");
        }
        TrialBalances.requireDate(from);
        TrialBalances.requireDate(to);
        if (to.isBefore(from)) {
            throw Refused.invalid("the period must not end (" + to + ") before it starts (" + from + ")");
        }
        if (after < 0) {
            throw Refused.invalid("after must not be negative");
        }
        Account account = ledger.account(code.strip()).orElseThrow(() -> Refused.notFound("account " + code));
        Instant start = BusinessCalendar.startOf(from);
        Instant end = BusinessCalendar.endOf(to);
        Balance opening = balance(account, BusinessCalendar.endOf(from.minusDays(1)));
        Balance closing = balance(account, end);
        HistoryPage page = ledger.history(account.id(), start, BusinessCalendar.startOf(to.plusDays(1)), after,
                Math.max(1, Math.min(limit, PAGE_MAX)));
        Map<AccountId, String> codes = new HashMap<>();
        List<Line> lines = page.lines().stream().map(line -> line(line, codes)).toList();
        return new Statement(account.code(), account.asset().code(), account.kind().name(), from, to,
                opening.posted(), closing.posted(), pending(opening), pending(closing), lines,
                page.nextAfter());
    }

    /** Pending in the account's normal direction, the sign of {@link HistoryLine#pendingChange()}. */
    private static long pending(Balance balance) {
        kyodo.ledger.Totals t = balance.totals();
        return balance.kind().debitNormal() ? t.debitsPending() - t.creditsPending()
                : t.creditsPending() - t.debitsPending();
    }

    private Balance balance(Account account, Instant asOf) {
        return ledger.balance(account.id(), asOf).orElseGet(() -> new Balance(account.id(), account.asset(),
                account.kind(), new kyodo.ledger.Totals(0, 0, 0, 0)));
    }

    private Line line(HistoryLine line, Map<AccountId, String> codes) {
        String counterparty = codes.computeIfAbsent(line.counterparty(),
                id -> ledger.account(id).map(Account::code).orElse(String.valueOf(id.value())));
        return new Line(line.sequence(), line.leg(), line.key().value(), line.kind().code(), line.postedAt(),
                BusinessCalendar.dayOf(line.postedAt()), line.memo(), line.legKind().name(), counterparty,
                line.postedChange(), line.pendingChange());
    }
}

package kyodo.fund.audit;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.problem.Refused;
import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.AccountTotals;
import kyodo.ledger.Ledger;
import kyodo.ledger.Totals;
import kyodo.ledger.TrialBalance;
import org.springframework.stereotype.Service;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trial balance (試算表) as of the end of a business day: per asset, the ledger's own sums
 * ({@link Ledger#trialBalance}, from the daily aggregates), and a page of accounts with their totals then.
 */
@Service
public class TrialBalances {
    public static final int PAGE_MAX = 500;
    /** The dates an auditor may ask for: wide enough for any books, narrow enough to refuse nonsense. */
    static final LocalDate DATE_MIN = LocalDate.of(2000, 1, 1);
    static final LocalDate DATE_MAX = LocalDate.of(2999, 12, 31);

    private final Ledger ledger;

    TrialBalances(Ledger ledger) {
        this.ledger = ledger;
    }

    public record AssetTotals(String asset, BigInteger debitsPosted, BigInteger creditsPosted,
                              BigInteger debitsPending, BigInteger creditsPending, boolean balanced) {
        static AssetTotals of(TrialBalance sums) {
            return new AssetTotals(sums.asset().code(), sums.debitsPosted(), sums.creditsPosted(),
                    sums.debitsPending(), sums.creditsPending(), sums.balanced());
        }
    }

    public record AccountLine(String code, String asset, String kind, long debitsPosted, long creditsPosted,
                              long debitsPending, long creditsPending, long balance) {
    }

    /**
     * @param nextAfter the code to pass as {@code after} for the next page of accounts, or {@code null}
     */
    public record Sheet(LocalDate date, Instant asOf, List<AssetTotals> assets, List<AccountLine> accounts,
                       String nextAfter) {
    }

    /** Per asset only: what the benchmark times and the report's footer shows. */
    public List<AssetTotals> totals(LocalDate date) {
        requireDate(date);
        return ledger.trialBalance(BusinessCalendar.endOf(date)).stream()
                .sorted(Comparator.comparing(t -> t.asset().code())).map(AssetTotals::of).toList();
    }

    public Sheet asOf(LocalDate date, String after, int limit) {
        requireDate(date);
        int pageSize = Math.max(1, Math.min(limit, PAGE_MAX));
        Instant asOf = BusinessCalendar.endOf(date);
        List<Account> page = ledger.accounts(AccountQuery.all().openedBy(asOf), after == null ? "" : after, pageSize);
        Map<AccountId, Totals> totals = new HashMap<>();
        if (!page.isEmpty()) {
            for (AccountTotals moved : ledger.totalsAsOf(AccountQuery.ids(page.stream().map(Account::id).toList()),
                    ledger.lastSequenceAtOrBefore(asOf))) {
                totals.put(moved.account(), moved.totals());
            }
        }
        List<AccountLine> accounts = page.stream().map(a -> line(a, totals.getOrDefault(a.id(), Totals.ZERO)))
                .toList();
        String next = accounts.size() == pageSize ? accounts.get(accounts.size() - 1).code() : null;
        return new Sheet(date, asOf, totals(date), accounts, next);
    }

    private static AccountLine line(Account account, Totals t) {
        return new AccountLine(account.code(), account.asset().code(), account.kind().name(), t.debitsPosted(),
                t.creditsPosted(), t.debitsPending(), t.creditsPending(), t.posted(account.kind()));
    }

    static boolean inRange(LocalDate day) {
        return !day.isBefore(DATE_MIN) && !day.isAfter(DATE_MAX);
    }

    static void requireDate(LocalDate date) {
        if (date == null) {
            throw Refused.invalid("date is required (yyyy-MM-dd)");
        }
        if (!TrialBalances.inRange(date)) {
            throw Refused.invalid("date must be between " + TrialBalances.DATE_MIN + " and " + TrialBalances.DATE_MAX);
        }
    }
}

package kyodo.fund.audit;

import kyodo.fund.problem.Refused;
import kyodo.ledger.Ledger;
import kyodo.ledger.TrialBalance;
import org.springframework.stereotype.Service;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The trial balance (試算表) as of the end of a business day: per asset, the ledger's own sums
 * ({@link Ledger#trialBalance}, from the daily aggregates), and a page of accounts with their totals then.
 */
@Service
public class TrialBalances {
    public static final int PAGE_MAX = 500;

    private final Ledger ledger;
    private final BookRows rows;

    TrialBalances(Ledger ledger, BookRows rows) {
        this.ledger = ledger;
        this.rows = rows;
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
        return ledger.trialBalance(BusinessDay.end(date)).stream()
                .sorted(Comparator.comparing(t -> t.asset().code())).map(AssetTotals::of).toList();
    }

    public Sheet asOf(LocalDate date, String after, int limit) {
        requireDate(date);
        int pageSize = Math.max(1, Math.min(limit, PAGE_MAX));
        Instant asOf = BusinessDay.end(date);
        List<AccountLine> accounts = rows.accountTotals(ledger.id(), asOf, after == null ? "" : after, pageSize)
                .stream().map(a -> new AccountLine(a.code(), a.asset(), a.kind().name(), a.debitsPosted(),
                        a.creditsPosted(), a.debitsPending(), a.creditsPending(), a.balance())).toList();
        String next = accounts.size() == pageSize ? accounts.get(accounts.size() - 1).code() : null;
        return new Sheet(date, asOf, totals(date), accounts, next);
    }

    static void requireDate(LocalDate date) {
        if (date == null) {
            throw Refused.invalid("date is required (yyyy-MM-dd)");
        }
        if (!BusinessDay.inRange(date)) {
            throw Refused.invalid("date must be between " + BusinessDay.EARLIEST + " and " + BusinessDay.LATEST);
        }
    }
}

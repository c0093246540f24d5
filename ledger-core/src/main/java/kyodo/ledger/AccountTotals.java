package kyodo.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's four totals over a range of the journal (from its start: its totals as of the range's end), with
 * what a reader needs to group them: its code, class, asset and kind.
 */
public record AccountTotals(AccountId account, String code, AccountClass accountClass, Asset asset, AccountKind kind,
                            Totals totals) {
    public static AccountTotals of(Account account, Totals totals) {
        return new AccountTotals(account.id(), account.code(), account.accountClass(), account.asset(),
                account.kind(), totals);
    }

    /** The posted balance (or its change) in the account's normal direction. */
    public long posted() {
        return totals.posted(kind);
    }

    /** Debits − credits, posted: the sign hledger and Beancount show. */
    public long net() {
        return Math.subtractExact(totals.debitsPosted(), totals.creditsPosted());
    }

    /** The totals of every class among {@code totals}, summed, in order of first appearance. */
    public static Map<AccountClass, Totals> perClass(List<AccountTotals> totals) {
        Map<AccountClass, Totals> sums = new LinkedHashMap<>();
        for (AccountTotals line : totals) {
            sums.merge(line.accountClass(), line.totals(), Totals::plus);
        }
        return sums;
    }
}

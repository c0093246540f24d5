package kyodo.wallet.account;

import kyodo.ledger.AccountId;

import java.time.YearMonth;
import java.util.Comparator;

/**
 * One of a wallet's per-month accounts as it stood when read.
 *
 * @param month     the vintage: the month its points were issued (Asia/Tokyo)
 * @param legacy    the wallet's single account from before vintages ({@code wallet:<kind>:<id>}), read as the
 *                  vintage of the month it was opened
 * @param available what can still be taken from it (posted less pending outgoing)
 * @param credited  every point ever credited to it (grows with each arrival; names a state of the account)
 */
public record VintageAccount(AccountId id, String code, WalletOwner owner, YearMonth month, boolean legacy,
                             long posted, long available, long credited) {
    /** Oldest first; a legacy account before a vintage of the same month, then by id for a stable order. */
    public static final Comparator<VintageAccount> OLDEST_FIRST = Comparator.comparing(VintageAccount::month)
            .thenComparing(v -> !v.legacy())
            .thenComparingLong(v -> v.id().value());
}

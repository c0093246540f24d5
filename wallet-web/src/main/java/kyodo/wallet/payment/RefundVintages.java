package kyodo.wallet.payment;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Leg;
import kyodo.wallet.account.PointsProperties;
import kyodo.wallet.account.VintageAccount;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which vintages a refund puts points back into: the vintages the sale took them from, newest first (so the
 * resident gets back the longest-lived points first), after skipping what earlier refunds of the sale already
 * returned. A vintage that has expired since the sale is replaced by the current month's: refunded points are
 * never born expired. Two partial refunds of one sale decided at the same moment may land on neighbouring
 * vintages of that sale; the total returned is bounded by the sale either way.
 */
final class RefundVintages {
    private RefundVintages() {
    }

    static List<Leg> legs(JournalEntry sale, WalletOwner payer, AccountId merchantWallet, long alreadyRefunded,
                          long amount, Wallets wallets, PointsProperties points, Instant now) {
        Map<AccountId, VintageAccount> payerAccounts = new HashMap<>();
        for (VintageAccount v : wallets.vintages(payer)) {
            payerAccounts.put(v.id(), v);
        }
        List<JournalLeg> newestFirst = new ArrayList<>(sale.legs());
        newestFirst.sort((a, b) -> {
            VintageAccount va = payerAccounts.get(a.debit());
            VintageAccount vb = payerAccounts.get(b.debit());
            if (va == null || vb == null) {
                return 0;
            }
            return VintageAccount.OLDEST_FIRST.compare(vb, va);
        });
        long skip = alreadyRefunded;
        long left = amount;
        Map<AccountId, Long> credits = new LinkedHashMap<>();
        for (JournalLeg leg : newestFirst) {
            if (left == 0) {
                break;
            }
            long available = leg.amount();
            long skipped = Math.min(skip, available);
            skip -= skipped;
            available -= skipped;
            long back = Math.min(left, available);
            if (back == 0) {
                continue;
            }
            left -= back;
            VintageAccount source = payerAccounts.get(leg.debit());
            AccountId target;
            if (source == null || points.expired(source.month(), now)) {
                target = wallets.vintage(payer, BusinessCalendar.monthOf(now));
            } else {
                target = source.id();
            }
            credits.merge(target, back, Math::addExact);
        }
        if (left > 0) {
            // the sale's legs cannot cover it (it is bounded by the sale, so this is a sale from before vintages)
            credits.merge(wallets.open(payer), left, Math::addExact);
        }
        List<Leg> legs = new ArrayList<>();
        credits.forEach((account, back) -> legs.add(Leg.transfer(merchantWallet, account, Amount.pt(back))));
        return legs;
    }
}

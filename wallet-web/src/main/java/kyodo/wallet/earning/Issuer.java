package kyodo.wallet.earning;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;

/**
 * Creates points: one entry from the fiscal year's budget ({@code budget:pt:<fy>}) into the holder's vintage
 * account of the month of issuance. The budget account refuses to go below zero, so issuance beyond the budget is
 * {@code INSUFFICIENT_FUNDS} from the ledger itself. Keys are the caller's, so a retry issues once.
 */
@Component
public class Issuer {
    public static final EntryKind ISSUE = EntryKind.ISSUE;
    public static final EntryKind ISSUE_CORRECTION = new EntryKind("ISSUE_CORRECTION");

    private final Ledger ledger;
    private final Wallets wallets;
    private final IssuanceBudget budget;

    public Issuer(Ledger ledger, Wallets wallets, IssuanceBudget budget) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.budget = budget;
    }

    /** Issues into this month's vintage (Asia/Tokyo), from this fiscal year's budget. */
    public PostResult issue(WalletOwner to, long amount, EntryKey key, EntryKind kind, String actor, String memo,
                            String metadata) {
        return issueInto(to, wallets.currentMonth(), amount, key, kind, actor, memo, metadata);
    }

    /**
     * Issues into the vintage of {@code month}, from the budget of the fiscal year that month belongs to. For
     * demo data, simulations and tests that need points of a given age; the application issues with
     * {@link #issue}.
     */
    public PostResult issueInto(WalletOwner to, YearMonth month, long amount, EntryKey key, EntryKind kind,
                                String actor, String memo, String metadata) {
        if (!to.hasVintages()) {
            throw new IllegalArgumentException("points are issued to residents and groups, not to " + to);
        }
        if (amount <= 0) {
            return PostResult.rejected(key, ResultCode.AMOUNT_NOT_POSITIVE, -1);
        }
        FiscalYear year = FiscalYear.containing(month.atDay(1));
        return ledger.post(new EntryRequest(key, kind, actor, memo == null ? "" : memo, metadata,
                List.of(Leg.transfer(budget.account(year), wallets.vintage(to, month), Amount.pt(amount)))));
    }
}

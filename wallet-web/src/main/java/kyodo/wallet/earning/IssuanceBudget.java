package kyodo.wallet.earning;

import kyodo.ledger.calendar.FiscalYear;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.Wallets;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fiscal-year issuance budget: an account {@code budget:pt:<fy>} that staff fill from {@code issuance:pt}
 * (entry kind {@code BUDGET}) and that every issuance debits. It may never go below zero, so the ledger itself
 * refuses issuance beyond the budget, also when many issue at once. Corrections of an issuance credit it back.
 */
@Component
public class IssuanceBudget {
    public static final EntryKind BUDGET = new EntryKind("BUDGET");
    /** The most one raise may add; a typo should not create a billion points. */
    public static final long RAISE_MAX = 100_000_000L;

    private final Ledger ledger;
    private final Wallets wallets;
    private final Map<Integer, AccountId> ids = new ConcurrentHashMap<>();

    public IssuanceBudget(Ledger ledger, Wallets wallets) {
        this.ledger = ledger;
        this.wallets = wallets;
    }

    public static String code(FiscalYear year) {
        return Wallets.BUDGET_CODE_PREFIX + year.year();
    }

    /** The budget account of {@code year}, opened (empty) if needed. */
    public AccountId account(FiscalYear year) {
        return ids.computeIfAbsent(year.year(), y -> ledger.open(AccountSpec.of(code(year), Asset.PT,
                AccountKind.EQUITY, AccountClass.budget(AccountOwner.WARD, year),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)).orThrow().id());
    }

    /**
     * Adds {@code amount} points to the year's budget, once per {@code intent} (a retried form adds once).
     * Amounts outside 1..{@link #RAISE_MAX} are refused as {@code AMOUNT_NOT_POSITIVE} / {@code LIMIT_EXCEEDED}.
     */
    public PostResult raise(FiscalYear year, long amount, String actor, String intent) {
        EntryKey key = new EntryKey("budget:" + year.year() + ":" + intent);
        if (amount <= 0) {
            return PostResult.rejected(key, ResultCode.AMOUNT_NOT_POSITIVE, -1);
        }
        if (amount > RAISE_MAX) {
            return PostResult.rejected(key, ResultCode.LIMIT_EXCEEDED, -1);
        }
        return ledger.post(new EntryRequest(key, BUDGET, actor, "issuance budget " + year.japanese(), null,
                List.of(Leg.transfer(wallets.issuance(), account(year), Amount.pt(amount)))));
    }

    /** The year's budget as it stands. */
    public Status status(FiscalYear year) {
        Balance balance = ledger.balance(account(year)).orElseThrow();
        return new Status(year.year(), balance.totals().creditsPosted(), balance.totals().debitsPosted(),
                balance.available());
    }

    /**
     * @param credited  everything put into the budget: raises, and issuance given back by corrections
     * @param debited   everything issued from it (before corrections)
     * @param remaining what may still be issued
     */
    public record Status(int fiscalYear, long credited, long debited, long remaining) {
    }
}

package kyodo.wallet.voucher;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountResult;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import kyodo.ledger.Ledger;
import kyodo.wallet.account.PointsProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The points accounts vouchers move through (codes agreed for the whole currency): the fiscal year's issuance
 * budget {@code budget:pt:<fy>} (set by staff; never opened here, so a missing budget is refused, not invented),
 * {@code vouchers:outstanding:pt} (never below zero) and where expired points go: {@code expired:pt}, or
 * {@code fund:pt} when the points policy ({@code kyodo.points.expired-to}) gives expired points to the fund.
 */
@Component
public class VoucherAccounts {
    public static final String OUTSTANDING = "vouchers:outstanding:pt";
    public static final String EXPIRED = "expired:pt";

    private final Ledger ledger;
    private final PointsProperties points;
    private final Map<String, AccountId> opened = new ConcurrentHashMap<>();

    public VoucherAccounts(Ledger ledger, PointsProperties points) {
        this.ledger = ledger;
        this.points = points;
    }

    public static String budgetCode(int fiscalYear) {
        return "budget:pt:" + fiscalYear;
    }

    public Optional<AccountId> budget(int fiscalYear) {
        return ledger.account(budgetCode(fiscalYear)).map(Account::id);
    }

    public AccountId outstanding() {
        return openOrFind(AccountSpec.of(OUTSTANDING, Asset.PT, AccountKind.LIABILITY,
                AccountClass.of(AccountOwner.WARD, AccountPurpose.VOUCHERS_OUTSTANDING),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    public AccountId expired() {
        return openOrFind(points.expiredTo().spec());
    }

    /**
     * Opens the account, or takes the one already open under its code even if another feature opened it with other
     * flags (the expiry of resident points shares {@code expired:pt}).
     */
    AccountId openOrFind(AccountSpec spec) {
        return opened.computeIfAbsent(spec.code(), code -> openNow(spec));
    }

    private AccountId openNow(AccountSpec spec) {
        AccountResult result = ledger.open(spec);
        if (result.ok()) {
            return result.account().id();
        }
        return ledger.account(spec.code()).map(Account::id)
                .orElseThrow(() -> new IllegalStateException("cannot open " + spec.code() + ": " + result.code()));
    }
}

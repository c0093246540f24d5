package kyodo.wallet.settlement;

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
import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.user.MerchantId;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts of settlement. Points: {@code settled:pt} (EQUITY), where retired merchant points go. Yen:
 * {@code settlement:appropriation:jpy} (EQUITY, no floor: the ward's appropriation that staff move into a year's
 * budget), {@code settlement:budget:jpy:<fy>} (LIABILITY, never below zero: settlement cannot exceed the program
 * budget), {@code settlement:payable:merchant:<id>} (LIABILITY, never below zero: what the ward owes the merchant)
 * and {@code settlement:paid:jpy} (ASSET, no floor: the program's bank account, credited as transfers leave).
 */
@Component
public class SettlementAccounts {
    public static final String SETTLED = "settled:pt";
    public static final String APPROPRIATION = "settlement:appropriation:jpy";
    public static final String PAID = "settlement:paid:jpy";

    private final Ledger ledger;
    private final Map<String, AccountId> opened = new ConcurrentHashMap<>();

    public SettlementAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    public static String budgetCode(int fiscalYear) {
        return "settlement:budget:jpy:" + fiscalYear;
    }

    public static String payableCode(MerchantId merchantId) {
        return "settlement:payable:merchant:" + merchantId.value();
    }

    public AccountId settled() {
        return open(AccountSpec.of(SETTLED, Asset.PT, AccountKind.EQUITY,
                AccountClass.of(AccountOwner.WARD, AccountPurpose.SETTLED)));
    }

    public AccountId appropriation() {
        return open(AccountSpec.of(APPROPRIATION, Asset.JPY, AccountKind.EQUITY,
                AccountClass.of(AccountOwner.WARD, AccountPurpose.APPROPRIATION)));
    }

    public AccountId budget(int fiscalYear) {
        return open(AccountSpec.of(budgetCode(fiscalYear), Asset.JPY, AccountKind.LIABILITY,
                AccountClass.budget(AccountOwner.WARD, new FiscalYear(fiscalYear)),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    public AccountId payable(MerchantId merchantId) {
        return open(AccountSpec.of(payableCode(merchantId), Asset.JPY, AccountKind.LIABILITY,
                AccountClass.of(AccountOwner.merchant(merchantId.value()), AccountPurpose.PAYABLE),
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    public AccountId paid() {
        return open(AccountSpec.of(PAID, Asset.JPY, AccountKind.ASSET,
                AccountClass.of(AccountOwner.WARD, AccountPurpose.BANK)));
    }

    /** Opens the account, or takes the one open under its code (another feature may have opened it first). */
    private AccountId open(AccountSpec spec) {
        return opened.computeIfAbsent(spec.code(), code -> {
            AccountResult result = ledger.open(spec);
            if (result.ok()) {
                return result.account().id();
            }
            return ledger.account(code).map(Account::id)
                    .orElseThrow(() -> new IllegalStateException("cannot open " + code + ": " + result.code()));
        });
    }
}

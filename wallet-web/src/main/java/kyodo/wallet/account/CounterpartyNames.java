package kyodo.wallet.account;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.EntryKind;
import kyodo.ledger.Ledger;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name a person sees for the other side of a leg: a resident's display name, a merchant's registered name,
 * a group's name, or a message key for the ward's own accounts. Account codes never change, so they are cached.
 */
@Component
public class CounterpartyNames {
    /** A message key, not a name: the ward's issuance account. */
    public static final String ISSUANCE_KEY = "#counterparty.issuance";
    public static final String UNKNOWN_KEY = "#counterparty.unknown";
    /** Message keys: where expired points went (see {@link PointsProperties.ExpiredTo}). */
    public static final String EXPIRED_KEY = "#counterparty.expired";
    public static final String FUND_KEY = "#counterparty.fund";
    /** A message key: the fund, given points by choice (a group's gift) rather than by expiry. */
    public static final String FUND_DONATION_KEY = "#counterparty.fund.donation";

    private final Ledger ledger;
    private final Users users;
    private final Merchants merchants;
    private final Groups groups;
    private final Map<AccountId, String> codes = new ConcurrentHashMap<>();

    public CounterpartyNames(Ledger ledger, Users users, Merchants merchants, Groups groups) {
        this.ledger = ledger;
        this.users = users;
        this.merchants = merchants;
        this.groups = groups;
    }

    /**
     * The name for the other side of an entry of {@code kind}: as {@link #nameOf(AccountId)}, except that the fund's
     * points account is named as a gift when points went there by a transfer, not by expiry.
     */
    public String nameOf(AccountId account, EntryKind kind) {
        String name = nameOf(account);
        return FUND_KEY.equals(name) && EntryKind.TRANSFER.equals(kind) ? FUND_DONATION_KEY : name;
    }

    /** A display name, or a message key starting with {@code #}. */
    public String nameOf(AccountId account) {
        String code = codes.computeIfAbsent(account, id -> ledger.account(id).map(Account::code).orElse(""));
        if (Wallets.ISSUANCE_CODE.equals(code) || code.startsWith(Wallets.BUDGET_CODE_PREFIX)) {
            return ISSUANCE_KEY;
        }
        if (PointsProperties.ExpiredTo.EXPIRED.accountCode().equals(code)) {
            return EXPIRED_KEY;
        }
        if (PointsProperties.ExpiredTo.FUND.accountCode().equals(code)) {
            return FUND_KEY;
        }
        Optional<WalletOwner> owner = WalletOwner.fromAccountCode(code);
        if (owner.isEmpty()) {
            return UNKNOWN_KEY;
        }
        long id = owner.get().id();
        Optional<String> name = switch (owner.get().kind()) {
            case RESIDENT -> users.findById(new UserId(id)).map(User::displayName);
            case MERCHANT -> merchants.findById(new MerchantId(id)).map(Merchant::name);
            case GROUP -> groups.find(new GroupId(id)).map(Group::name);
        };
        return name.orElse(UNKNOWN_KEY);
    }
}

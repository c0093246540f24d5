package kyodo.wallet.account;

import kyodo.ledger.Account;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountQuery;
import kyodo.ledger.Ledger;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads wallets' vintage accounts from the ledger by their class (owner, purpose {@code WALLET}, vintage month):
 * a resident's or group's wallet is every one of their wallet accounts, one per month of issuance.
 */
@Component
public class VintageAccounts {
    /** More vintages than any wallet can hold in years; a bound on one read. */
    public static final int PER_OWNER_MAX = Ledger.ACCOUNTS_PAGE_MAX;
    public static final int SWEEP_BATCH_MAX = Ledger.ACCOUNTS_PAGE_MAX;

    private final Ledger ledger;

    public VintageAccounts(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The owner's vintage accounts (a wallet from before vintages among them), oldest first, with balances now. */
    public List<VintageAccount> of(WalletOwner owner) {
        List<VintageAccount> found = new ArrayList<>();
        for (Account account : ledger.accounts(AccountQuery.all().owner(owner.accountOwner())
                .purpose(AccountPurpose.WALLET), "", PER_OWNER_MAX)) {
            vintage(account, owner).ifPresent(found::add);
        }
        found.sort(VintageAccount.OLDEST_FIRST);
        return found;
    }

    /**
     * Resident and group vintage accounts of {@code lastExpired} or older that still hold points, oldest first:
     * what the expiry job has to sweep.
     */
    public List<VintageAccount> expiredWithBalance(YearMonth lastExpired, int limit) {
        List<VintageAccount> found = new ArrayList<>();
        for (Account account : ledger.accounts(AccountQuery.all().purpose(AccountPurpose.WALLET)
                .vintageThrough(lastExpired).holding(), "", Math.min(limit, SWEEP_BATCH_MAX))) {
            AccountOwner holder = account.accountClass().owner();
            WalletOwner owner = new WalletOwner(holder.kind() == AccountOwner.Kind.GROUP ? OwnerKind.GROUP
                    : OwnerKind.RESIDENT, holder.id());
            vintage(account, owner).ifPresent(found::add);
        }
        found.sort(VintageAccount.OLDEST_FIRST);
        return found;
    }

    /** The account as a vintage of {@code owner}'s wallet; a wallet from before vintages is the one of its code. */
    private static Optional<VintageAccount> vintage(Account account, WalletOwner owner) {
        YearMonth month = account.accountClass().vintage();
        if (month == null) {
            return Optional.empty();
        }
        boolean legacy = account.code().equals(owner.accountCode());
        return Optional.of(new VintageAccount(account.id(), account.code(), owner, month, legacy,
                account.balance().posted(), account.balance().available(), account.totals().creditsPosted()));
    }
}

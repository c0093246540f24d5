package kyodo.wallet.account;

import kyodo.ledger.Account;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.Ledger;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens and finds wallet accounts in the ledger. Account ids never change once opened, so they are cached;
 * balances are always read from the ledger.
 */
@Component
public class Wallets {
    /** Points enter circulation from this account (the ward's issuance), so it may go below zero. */
    public static final String ISSUANCE_CODE = "issuance:pt";

    private final Ledger ledger;
    private final Map<WalletOwner, AccountId> ids = new ConcurrentHashMap<>();

    public Wallets(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Opens the owner's wallet if it is not open yet; harmless to repeat. */
    public AccountId open(WalletOwner owner) {
        return ids.computeIfAbsent(owner,
                o -> ledger.open(AccountSpec.wallet(o.accountCode(), Asset.PT)).orThrow().id());
    }

    public Optional<AccountId> find(WalletOwner owner) {
        AccountId cached = ids.get(owner);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AccountId> found = ledger.account(owner.accountCode()).map(Account::id);
        found.ifPresent(id -> ids.put(owner, id));
        return found;
    }

    public AccountId issuance() {
        return ledger.open(AccountSpec.of(ISSUANCE_CODE, Asset.PT, AccountKind.EQUITY)).orThrow().id();
    }

    public Balance balance(WalletOwner owner) {
        return find(owner).flatMap(ledger::balance)
                .orElseThrow(() -> new IllegalStateException("no wallet for " + owner));
    }
}

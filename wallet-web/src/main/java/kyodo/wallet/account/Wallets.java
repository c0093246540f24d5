package kyodo.wallet.account;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Asset;
import kyodo.ledger.Balance;
import kyodo.ledger.Ledger;
import kyodo.ledger.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens and finds wallet accounts in the ledger. A merchant's wallet is one account; a resident's or group's is
 * one account per vintage (month of issuance), see {@link WalletOwner}. Account ids never change once opened, so
 * they are cached; balances are always read from the ledger.
 */
@Component
public class Wallets {
    /** Points enter circulation from this account (the ward's issuance), so it may go below zero. */
    public static final String ISSUANCE_CODE = "issuance:pt";
    /** {@code budget:pt:<fiscal year>}: what may still be issued in a fiscal year (see the earning package). */
    public static final String BUDGET_CODE_PREFIX = "budget:pt:";
    public static final AccountClass ISSUANCE_CLASS = AccountClass.of(AccountOwner.WARD, AccountPurpose.ISSUANCE);

    private final Ledger ledger;
    private final VintageAccounts vintageAccounts;
    private final PointsProperties points;
    private final Clock clock;
    private final Map<String, AccountId> ids = new ConcurrentHashMap<>();

    public Wallets(Ledger ledger, VintageAccounts vintageAccounts, PointsProperties points, Clock clock) {
        this.ledger = ledger;
        this.vintageAccounts = vintageAccounts;
        this.points = points;
        this.clock = clock;
    }

    /**
     * Opens the owner's wallet if it is not open yet; harmless to repeat. For a merchant that is its account; for
     * a resident or group it is the current month's vintage (where newly issued points would go).
     */
    public AccountId open(WalletOwner owner) {
        return owner.hasVintages() ? vintage(owner, currentMonth())
                : openSpec(AccountSpec.wallet(owner.accountCode(), Asset.PT, owner.accountClass()));
    }

    /** The owner's vintage account of {@code month}, opened if needed. */
    public AccountId vintage(WalletOwner owner, YearMonth month) {
        return openSpec(AccountSpec.wallet(owner.vintageCode(month), Asset.PT, owner.vintageClass(month)));
    }

    /** Whether the owner has a wallet (any account) in the ledger. */
    public boolean exists(WalletOwner owner) {
        return owner.hasVintages() ? !vintageAccounts.of(owner).isEmpty() : find(owner).isPresent();
    }

    /** A merchant's single wallet account. Residents and groups hold vintages: see {@link #vintages}. */
    public Optional<AccountId> find(WalletOwner owner) {
        if (owner.hasVintages()) {
            throw new IllegalArgumentException(owner + " holds vintages; read them with vintages()");
        }
        AccountId cached = ids.get(owner.accountCode());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AccountId> found = ledger.account(owner.accountCode()).map(Account::id);
        found.ifPresent(id -> ids.put(owner.accountCode(), id));
        return found;
    }

    /** Every account of the owner's wallet, oldest vintage first, expired ones included. */
    public List<VintageAccount> vintages(WalletOwner owner) {
        if (!owner.hasVintages()) {
            return find(owner).flatMap(ledger::account).map(a -> List.of(new VintageAccount(a.id(), a.code(), owner,
                    BusinessCalendar.monthOf(a.openedAt()), true, a.balance().posted(),
                    a.balance().available(), a.totals().creditsPosted()))).orElse(List.of());
        }
        return vintageAccounts.of(owner);
    }

    /** The vintages that can be spent at {@code now} and hold points, oldest first. */
    public List<VintageAccount> spendable(WalletOwner owner, Instant now) {
        List<VintageAccount> spendable = new ArrayList<>();
        for (VintageAccount v : vintages(owner)) {
            if (v.available() > 0 && !(owner.hasVintages() && points.expired(v.month(), now))) {
                spendable.add(v);
            }
        }
        return spendable;
    }

    public AccountId issuance() {
        return ledger.open(AccountSpec.of(ISSUANCE_CODE, Asset.PT, AccountKind.EQUITY, ISSUANCE_CLASS)).orThrow().id();
    }

    /**
     * The fund's points account ({@code fund:pt}), opened if needed: where groups give their points, and where
     * expired points go when the policy gives them to the fund.
     */
    public AccountId fundPoints() {
        return openSpec(PointsProperties.ExpiredTo.FUND.spec());
    }

    /** The balance now; for residents and groups only unexpired vintages count. */
    public WalletBalance balance(WalletOwner owner) {
        if (!owner.hasVintages()) {
            Balance b = find(owner).flatMap(ledger::balance)
                    .orElseThrow(() -> new IllegalStateException("no wallet for " + owner));
            return new WalletBalance(b.posted(), b.available(), b.pendingIn(), b.pendingOut(), List.of());
        }
        Instant now = clock.instant();
        long posted = 0;
        long available = 0;
        List<WalletBalance.Expiring> expiring = new ArrayList<>();
        for (VintageAccount v : vintages(owner)) {
            if (points.expired(v.month(), now)) {
                continue;
            }
            posted = Math.addExact(posted, v.posted());
            available = Math.addExact(available, v.available());
            if (v.posted() > 0) {
                LocalDate lastDay = points.lastDay(v.month());
                if (!expiring.isEmpty() && expiring.get(expiring.size() - 1).lastDay().equals(lastDay)) {
                    WalletBalance.Expiring merged = expiring.remove(expiring.size() - 1);
                    expiring.add(new WalletBalance.Expiring(Math.addExact(merged.points(), v.posted()), lastDay));
                } else {
                    expiring.add(new WalletBalance.Expiring(v.posted(), lastDay));
                }
            }
        }
        return new WalletBalance(posted, available, 0, Math.subtractExact(posted, available), expiring);
    }

    public YearMonth currentMonth() {
        return BusinessCalendar.thisMonth(clock);
    }

    private AccountId openSpec(AccountSpec spec) {
        return ids.computeIfAbsent(spec.code(), c -> ledger.open(spec).orThrow().id());
    }
}

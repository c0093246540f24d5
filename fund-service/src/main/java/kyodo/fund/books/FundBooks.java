package kyodo.fund.books;

import kyodo.ledger.Account;
import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountFlag;
import kyodo.ledger.AccountId;
import kyodo.ledger.AccountKind;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;
import kyodo.ledger.AccountSpec;
import kyodo.ledger.Amount;
import kyodo.ledger.Asset;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.JournalEntry;
import kyodo.ledger.JournalLeg;
import kyodo.ledger.Ledger;
import kyodo.ledger.Leg;
import kyodo.ledger.PendingId;
import kyodo.ledger.PostResult;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fund's accounts and the only way the fund moves money. In yen:
 * <ul>
 * <li>{@code fund:bank} (asset): the fund's bank account; it can never go below zero (credits never exceed debits).
 * <li>{@code fund:designation:*} (equity): what the fund holds per designation; never below zero (debits, posted
 *     and pending, never exceed credits), so designated money cannot be committed twice or elsewhere.
 * <li>{@code fund:grants-payable} (liability): awarded money on its way to a group.
 * </ul>
 * A donation debits the bank and credits its designation. An award holds (pending leg) designation → payable;
 * a disbursement posts part of the hold, pays payable → bank out, and holds the rest again; closing voids the
 * hold so unused money is free again.
 */
@Component
public class FundBooks {
    public static final String BANK = "fund:bank";
    public static final String GRANTS_PAYABLE = "fund:grants-payable";
    /** The classes of the fund's accounts: what reports and audits select them by. */
    public static final AccountClass BANK_CLASS = AccountClass.of(AccountOwner.FUND, AccountPurpose.BANK);
    public static final AccountClass GRANTS_PAYABLE_CLASS = AccountClass.of(AccountOwner.FUND, AccountPurpose.PAYABLE);
    public static final AccountClass DESIGNATION_CLASS = AccountClass.of(AccountOwner.FUND,
            AccountPurpose.DESIGNATION);

    private final Ledger ledger;
    private final Map<String, AccountId> ids = new ConcurrentHashMap<>();

    public FundBooks(Ledger ledger) {
        this.ledger = ledger;
    }

    public Ledger ledger() {
        return ledger;
    }

    public AccountId bank() {
        return open(AccountSpec.of(BANK, Asset.JPY, AccountKind.ASSET, BANK_CLASS,
                AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS));
    }

    public AccountId grantsPayable() {
        return open(AccountSpec.of(GRANTS_PAYABLE, Asset.JPY, AccountKind.LIABILITY, GRANTS_PAYABLE_CLASS,
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    public AccountId designation(Designation designation) {
        return open(AccountSpec.of(designation.accountCode(), Asset.JPY, AccountKind.EQUITY, DESIGNATION_CLASS,
                AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    /** Opening is idempotent in the ledger (same spec → ALREADY_OPEN), so a race between two callers is harmless. */
    private AccountId open(AccountSpec spec) {
        return ids.computeIfAbsent(spec.code(), code -> ledger.open(spec).orThrow().id());
    }

    /** What the designation can still commit: its posted balance less awards already held on it. */
    public long available(Designation designation) {
        return ledger.account(designation.accountCode()).map(a -> a.balance().available()).orElse(0L);
    }

    public long posted(Designation designation) {
        return ledger.account(designation.accountCode()).map(a -> a.balance().posted()).orElse(0L);
    }

    public Optional<Account> account(String code) {
        return ledger.account(code);
    }

    /** The entry already on the books under {@code key}, if any. */
    public Optional<JournalEntry> entry(String key) {
        return ledger.entry(new EntryKey(key));
    }

    /**
     * Whether {@code entry} is exactly the donation {@link #donate} would post: one leg, bank to the designation,
     * the same amount. A confirm that finds such an entry under the donation's key adopts it instead of posting.
     */
    public boolean isDonation(JournalEntry entry, Designation designation, long yen) {
        if (!entry.kind().equals(EntryKind.DONATION) || entry.legs().size() != 1) {
            return false;
        }
        JournalLeg leg = entry.legs().get(0);
        return leg.debit().equals(bank()) && leg.credit().equals(designation(designation))
                && leg.asset().equals(Asset.JPY) && leg.amount() == yen;
    }

    /** Whether {@code entry} is the reversal of a donation of {@code yen} to {@code designation}. */
    public boolean isDonationReversal(JournalEntry entry, Designation designation, long yen) {
        if (!entry.kind().equals(EntryKind.REVERSAL) || entry.legs().size() != 1) {
            return false;
        }
        JournalLeg leg = entry.legs().get(0);
        return leg.debit().equals(designation(designation)) && leg.credit().equals(bank())
                && leg.asset().equals(Asset.JPY) && leg.amount() == yen;
    }

    public PostResult donate(String key, Designation designation, long yen, String actor, String memo) {
        return ledger.post(new EntryRequest(new EntryKey(key), EntryKind.DONATION, actor, memo, null,
                List.of(Leg.transfer(bank(), designation(designation), Amount.yen(yen)))));
    }

    /** The mirror of a donation: the designation gives the money back to the bank side (a refund or a correction). */
    public PostResult reverseDonation(String key, Designation designation, long yen, String actor, String memo) {
        return ledger.post(new EntryRequest(new EntryKey(key), EntryKind.REVERSAL, actor, memo, null,
                List.of(Leg.transfer(designation(designation), bank(), Amount.yen(yen)))));
    }

    /** Commits an award: a hold from the designation to grants payable; the pending leg is leg 0 of {@code key}. */
    public PostResult commit(String key, Designation designation, long yen, String actor, String memo) {
        return ledger.post(new EntryRequest(new EntryKey(key), EntryKind.AWARD, actor, memo, null,
                List.of(Leg.hold(designation(designation), grantsPayable(), Amount.yen(yen), null))));
    }

    /**
     * Pays one tranche of a commitment: posts {@code yen} of the open hold (which releases the rest), pays it out
     * of the bank, and holds what is left again as leg 2 of this entry.
     *
     * @param remaining the amount the open hold holds now (at least {@code yen})
     */
    public PostResult disburse(String key, PendingId hold, Designation designation, long yen, long remaining,
                               String actor, String memo) {
        List<Leg> legs = new ArrayList<>();
        legs.add(Leg.postPending(hold, yen));
        legs.add(Leg.transfer(grantsPayable(), bank(), Amount.yen(yen)));
        if (remaining > yen) {
            legs.add(Leg.hold(designation(designation), grantsPayable(), Amount.yen(remaining - yen), null));
        }
        return ledger.post(new EntryRequest(new EntryKey(key), EntryKind.DISBURSE, actor, memo, null, legs));
    }

    /** The leg of a disbursement entry that holds what is left of the commitment. */
    public static PendingId remainderHold(String disbursementKey) {
        return new PendingId(new EntryKey(disbursementKey), 2);
    }

    public static PendingId commitmentHold(String awardKey) {
        return new PendingId(new EntryKey(awardKey), 0);
    }

    /** Releases an open commitment: the designation may use the money again. */
    public PostResult release(String key, PendingId hold, String actor, String memo) {
        return ledger.post(new EntryRequest(new EntryKey(key), EntryKind.VOID, actor, memo, null,
                List.of(Leg.voidPending(hold))));
    }
}

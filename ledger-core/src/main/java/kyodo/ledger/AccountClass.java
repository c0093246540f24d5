package kyodo.ledger;

import kyodo.ledger.calendar.FiscalYear;

import java.time.YearMonth;

/**
 * What an account is, structured: its owner, its purpose, and for a resident's or group's wallet the vintage month
 * of its points, for a budget its fiscal year. Set when the account is opened and never changed; the readable
 * code says the same for people, this says it for queries. The rules of {@link #valid()} are repeated by the
 * database's checks on the {@code account} table.
 *
 * @param vintage    the month the points were issued: exactly on the wallets of residents and groups
 * @param fiscalYear the year of a {@link AccountPurpose#BUDGET}: exactly on budgets
 */
public record AccountClass(AccountOwner owner, AccountPurpose purpose, YearMonth vintage, FiscalYear fiscalYear) {
    /** For the books' own accounts, tools and tests: no owner in the ward, no purpose of the ward's. */
    public static final AccountClass UNCLASSIFIED = new AccountClass(AccountOwner.SYSTEM, AccountPurpose.OTHER,
            null, null);

    /** An account of {@code owner} for {@code purpose}, without vintage or fiscal year. */
    public static AccountClass of(AccountOwner owner, AccountPurpose purpose) {
        return new AccountClass(owner, purpose, null, null);
    }

    /** A merchant's wallet (merchants hold no vintages). */
    public static AccountClass wallet(AccountOwner holder) {
        return of(holder, AccountPurpose.WALLET);
    }

    /** A resident's or group's wallet account of the points issued in {@code month}. */
    public static AccountClass vintage(AccountOwner holder, YearMonth month) {
        return new AccountClass(holder, AccountPurpose.WALLET, month, null);
    }

    /** The budget of {@code year}. */
    public static AccountClass budget(AccountOwner owner, FiscalYear year) {
        return new AccountClass(owner, AccountPurpose.BUDGET, null, year);
    }

    /** Whether points held here expire by vintage: the wallets of residents and groups. */
    public static boolean holdsVintages(AccountOwner owner, AccountPurpose purpose) {
        return purpose == AccountPurpose.WALLET && owner != null
                && (owner.kind() == AccountOwner.Kind.RESIDENT || owner.kind() == AccountOwner.Kind.GROUP);
    }

    /**
     * Whether the parts fit together: a valid owner; wallets belong to holders; a vintage exactly on a resident's or
     * group's wallet; a fiscal year exactly on a budget.
     */
    public boolean valid() {
        if (owner == null || purpose == null || !owner.valid()) {
            return false;
        }
        if (purpose == AccountPurpose.WALLET && !owner.kind().holder()) {
            return false;
        }
        return (vintage != null) == holdsVintages(owner, purpose)
                && (fiscalYear != null) == (purpose == AccountPurpose.BUDGET);
    }

    /** Whether this account belongs to a holder of {@code kind} and is for {@code purpose}. */
    public boolean is(AccountOwner.Kind kind, AccountPurpose purpose) {
        return owner.kind() == kind && this.purpose == purpose;
    }
}

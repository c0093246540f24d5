package kyodo.wallet.report;

import kyodo.ledger.AccountClass;
import kyodo.ledger.AccountOwner;
import kyodo.ledger.AccountPurpose;

/**
 * A points account's class at the report's granularity: its purpose and owner kind, with the merchant's id for
 * merchants' wallets (circulation per merchant) and the fiscal year for budgets (the year's budget); 0 where the
 * class has no such part. Residents and groups are summed over, so the daily table stays small.
 */
record PointsClass(AccountPurpose purpose, AccountOwner.Kind ownerKind, long merchantId, int fiscalYear) {
    static PointsClass of(AccountClass accountClass) {
        boolean merchantWallet = accountClass.is(AccountOwner.Kind.MERCHANT, AccountPurpose.WALLET);
        return new PointsClass(accountClass.purpose(), accountClass.owner().kind(),
                merchantWallet ? accountClass.owner().id() : 0,
                accountClass.fiscalYear() == null ? 0 : accountClass.fiscalYear().year());
    }

    /** A resident's or group's wallet: points in the hands of people and groups. */
    boolean holder() {
        return purpose == AccountPurpose.WALLET
                && (ownerKind == AccountOwner.Kind.RESIDENT || ownerKind == AccountOwner.Kind.GROUP);
    }

    boolean merchant() {
        return purpose == AccountPurpose.WALLET && ownerKind == AccountOwner.Kind.MERCHANT;
    }

    boolean vouchers() {
        return purpose == AccountPurpose.VOUCHERS_OUTSTANDING;
    }

    /** Points in the hands of people, groups, shops or on paper: what is outstanding. */
    boolean circulating() {
        return holder() || merchant() || vouchers();
    }

    /** Where points come from: the ward's issuance and its budgets. */
    boolean origin() {
        return ownerKind == AccountOwner.Kind.WARD
                && (purpose == AccountPurpose.ISSUANCE || purpose == AccountPurpose.BUDGET);
    }

    boolean budgetOf(int year) {
        return origin() && purpose == AccountPurpose.BUDGET && fiscalYear == year;
    }
}

package kyodo.ledger;

/** The accounting class of an account; it decides on which side the account's balance grows. */
public enum AccountKind {
    ASSET, LIABILITY, EQUITY, INCOME, EXPENSE;

    /** Assets and expenses grow with debits; the others grow with credits. */
    public boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }
}

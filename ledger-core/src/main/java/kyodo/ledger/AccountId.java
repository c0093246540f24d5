package kyodo.ledger;

/** An account's number within its ledger, assigned by the ledger when the account is opened. */
public record AccountId(long value) {
    @Override
    public String toString() {
        return "account " + value;
    }
}

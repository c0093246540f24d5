package kyodo.ledger;

/** An account's balances at some moment: posted, pending in and out, and what is available to spend. */
public record Balance(AccountId account, Asset asset, AccountKind kind, Totals totals) {
    public long posted() {
        return totals.posted(kind);
    }

    public long available() {
        return totals.available(kind);
    }

    /** Pending legs that will reduce the balance when posted. */
    public long pendingOut() {
        return kind.debitNormal() ? totals.creditsPending() : totals.debitsPending();
    }

    /** Pending legs that will increase the balance when posted. */
    public long pendingIn() {
        return kind.debitNormal() ? totals.debitsPending() : totals.creditsPending();
    }
}

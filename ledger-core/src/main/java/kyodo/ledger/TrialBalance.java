package kyodo.ledger;

/**
 * The sums of all accounts' totals of one asset. In balanced books debits equal credits, posted and pending.
 */
public record TrialBalance(Asset asset, Totals sums) {
    public boolean balanced() {
        return sums.debitsPosted() == sums.creditsPosted() && sums.debitsPending() == sums.creditsPending();
    }
}

package kyodo.ledger;

import java.math.BigInteger;

/**
 * The sums of all accounts' totals of one asset. Each account's totals fit a {@code long}; their sum over a
 * whole ledger need not, so the sums are exact big integers. In balanced books debits equal credits, posted
 * and pending.
 */
public record TrialBalance(Asset asset, BigInteger debitsPosted, BigInteger creditsPosted,
                           BigInteger debitsPending, BigInteger creditsPending) {

    public static TrialBalance zero(Asset asset) {
        return new TrialBalance(asset, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    }

    public TrialBalance plus(Totals totals) {
        return new TrialBalance(asset,
                debitsPosted.add(BigInteger.valueOf(totals.debitsPosted())),
                creditsPosted.add(BigInteger.valueOf(totals.creditsPosted())),
                debitsPending.add(BigInteger.valueOf(totals.debitsPending())),
                creditsPending.add(BigInteger.valueOf(totals.creditsPending())));
    }

    public boolean balanced() {
        return debitsPosted.equals(creditsPosted) && debitsPending.equals(creditsPending);
    }
}

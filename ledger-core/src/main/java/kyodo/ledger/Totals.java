package kyodo.ledger;

/**
 * The four running totals of an account, in minor units of its asset. Balances are derived from them; no
 * balance is ever stored or set directly.
 */
public record Totals(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0);

    /** The balance in the account's normal direction, posted legs only. */
    public long posted(AccountKind kind) {
        return kind.debitNormal()
                ? Math.subtractExact(debitsPosted, creditsPosted)
                : Math.subtractExact(creditsPosted, debitsPosted);
    }

    /** What the account can still give away: the posted balance less pending legs that would reduce it. */
    public long available(AccountKind kind) {
        return kind.debitNormal()
                ? Math.subtractExact(posted(kind), creditsPending)
                : Math.subtractExact(posted(kind), debitsPending);
    }

    /**
     * The balance if every pending leg were posted in full: what a balance limit caps, since an incoming
     * hold must not let the account exceed its limit once it is captured.
     */
    public long projected(AccountKind kind) {
        return kind.debitNormal()
                ? Math.subtractExact(Math.addExact(debitsPosted, debitsPending), creditsPosted)
                : Math.subtractExact(Math.addExact(creditsPosted, creditsPending), debitsPosted);
    }

    public Totals minus(Totals other) {
        return new Totals(
                Math.subtractExact(debitsPosted, other.debitsPosted),
                Math.subtractExact(creditsPosted, other.creditsPosted),
                Math.subtractExact(debitsPending, other.debitsPending),
                Math.subtractExact(creditsPending, other.creditsPending));
    }

    public Totals plus(Totals delta) {
        return new Totals(
                Math.addExact(debitsPosted, delta.debitsPosted),
                Math.addExact(creditsPosted, delta.creditsPosted),
                Math.addExact(debitsPending, delta.debitsPending),
                Math.addExact(creditsPending, delta.creditsPending));
    }
}

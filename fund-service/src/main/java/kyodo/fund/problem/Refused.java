package kyodo.fund.problem;

/**
 * Carries a {@link Rejection} out of a use case. The fund's use cases run in one transaction each, and a refusal
 * that is thrown rolls back whatever the use case wrote before it said no; {@link FundProblems} (API) and
 * {@link Problems#message(Refused)} (pages) are where it becomes a response. {@code detail} is for people (it may
 * name the field or the ledger's result code) and never holds secrets.
 */
public final class Refused extends RuntimeException {
    private final Rejection refusal;

    public Refused(Rejection refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    /** Why: the code, status and message key. */
    public Rejection refusal() {
        return refusal;
    }

    public static Refused invalid(String detail) {
        return new Refused(Refusal.INVALID_INPUT, detail);
    }

    public static Refused notFound(String what) {
        return new Refused(Refusal.NOT_FOUND, what);
    }
}

package kyodo.fund.problem;

/**
 * A use case said no. The controller advice turns it into problem+json; {@code detail} is for people (it may name
 * the field or the ledger's result code) and never holds secrets.
 */
public final class Refused extends RuntimeException {
    private final Refusal refusal;

    public Refused(Refusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public static Refused invalid(String detail) {
        return new Refused(Refusal.INVALID_INPUT, detail);
    }

    public static Refused notFound(String what) {
        return new Refused(Refusal.NOT_FOUND, what);
    }
}

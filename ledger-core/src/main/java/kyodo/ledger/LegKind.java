package kyodo.ledger;

/** What a journal leg did to its accounts' totals; the letter is its stored and encoded form. */
public enum LegKind {
    /** Added {@code amount} to the posted totals. */
    POSTED('P'),
    /** Added {@code amount} to the pending totals. */
    PENDING('H'),
    /** Took {@code released} out of the pending totals and added {@code amount} to the posted totals. */
    POST_PENDING('C'),
    /** Took {@code released} (equal to {@code amount}) out of the pending totals. */
    VOID_PENDING('V');

    private final char letter;

    LegKind(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static LegKind ofLetter(char letter) {
        for (LegKind kind : values()) {
            if (kind.letter == letter) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no leg kind is written '" + letter + "'");
    }

    /** This leg's effect on the totals of its debit account. */
    public Totals debitEffect(long amount, long released) {
        return switch (this) {
            case POSTED -> new Totals(amount, 0, 0, 0);
            case PENDING -> new Totals(0, 0, amount, 0);
            case POST_PENDING -> new Totals(amount, 0, -released, 0);
            case VOID_PENDING -> new Totals(0, 0, -released, 0);
        };
    }

    /** This leg's effect on the totals of its credit account. */
    public Totals creditEffect(long amount, long released) {
        return switch (this) {
            case POSTED -> new Totals(0, amount, 0, 0);
            case PENDING -> new Totals(0, 0, 0, amount);
            case POST_PENDING -> new Totals(0, amount, 0, -released);
            case VOID_PENDING -> new Totals(0, 0, 0, -released);
        };
    }
}

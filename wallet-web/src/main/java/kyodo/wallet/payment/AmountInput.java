package kyodo.wallet.payment;

/**
 * Reads an amount typed by a person: ASCII digits only, 1..{@value #PAYMENT_AMOUNT_MAX} points. Full-width
 * digits are refused with their own message rather than converted, so the person sees exactly what is charged.
 */
public final class AmountInput {
    public static final long PAYMENT_AMOUNT_MAX = 100_000;
    public static final int INPUT_LENGTH_MAX = 32;

    private AmountInput() {
    }

    /** The amount, or the error; never both. */
    public record Parsed(long amount, PaymentError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(0, PaymentError.AMOUNT_MISSING);
        }
        String text = raw.strip();
        if (text.length() > INPUT_LENGTH_MAX) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_A_NUMBER);
        }
        if (text.chars().anyMatch(c -> c >= '０' && c <= '９')) {
            return new Parsed(0, PaymentError.AMOUNT_FULL_WIDTH);
        }
        if (text.matches("[-−ー－][0-9]+")) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_POSITIVE);
        }
        if (!text.matches("[0-9]{1,18}")) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_A_NUMBER);
        }
        return check(Long.parseLong(text));
    }

    public static Parsed check(long amount) {
        if (amount <= 0) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_POSITIVE);
        }
        if (amount > PAYMENT_AMOUNT_MAX) {
            return new Parsed(0, PaymentError.AMOUNT_OVER_LIMIT);
        }
        return new Parsed(amount, null);
    }
}

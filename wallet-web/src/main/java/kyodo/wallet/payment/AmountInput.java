package kyodo.wallet.payment;

import kyodo.fund.problem.AmountText;

/**
 * Reads an amount of points typed by a person: 1..{@value #PAYMENT_AMOUNT_MAX} points, by the application's one
 * reader of typed amounts ({@link AmountText}), so full-width digits and thousands separators are the same number
 * here as in the fund's forms, and anything else is refused with its own message. The payment page shows the
 * amount read before anything is charged.
 */
public final class AmountInput {
    public static final long PAYMENT_AMOUNT_MAX = 100_000;

    private AmountInput() {
    }

    /** The amount, or the error; never both. */
    public record Parsed(long amount, PaymentError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Parsed parse(String raw) {
        AmountText.Read read = AmountText.read(raw, PAYMENT_AMOUNT_MAX);
        if (read.ok()) {
            return new Parsed(read.amount(), null);
        }
        return new Parsed(0, switch (read.problem()) {
            case MISSING -> PaymentError.AMOUNT_MISSING;
            case NOT_A_NUMBER -> PaymentError.AMOUNT_NOT_A_NUMBER;
            case NOT_POSITIVE -> PaymentError.AMOUNT_NOT_POSITIVE;
            case OVER_LIMIT -> PaymentError.AMOUNT_OVER_LIMIT;
        });
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

package kyodo.wallet.payment;

/**
 * The one reader of an amount typed by a person in wallet-web (payment, charge, send, refund, the API's amount
 * text): a whole number of points, 1..{@value #PAYMENT_AMOUNT_MAX}.
 *
 * <p>What a Japanese keyboard types is read as what it means: full-width digits {@code ０-９} are the digits
 * {@code 0-9} ({@code １２３} is 123), a thousands separator {@code ,} or {@code ，} is dropped where it groups
 * three digits ({@code 1,234} and {@code １，２３４} are 1234), and spaces around the number (also {@code U+3000})
 * are ignored. Nothing else is guessed: a misplaced separator ({@code 12,34}), a decimal point, a sign, an
 * exponent or any other character is refused, so the amount charged is the amount the person meant. A leading
 * minus ({@code - − ー －}) is refused as not positive rather than as not a number, because it says what to fix.
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

    /** Reads {@code raw} by the rules above. */
    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(0, PaymentError.AMOUNT_MISSING);
        }
        String text = raw.strip();
        if (text.length() > INPUT_LENGTH_MAX) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_A_NUMBER);
        }
        String ascii = halfWidth(text);
        if (ascii.matches("[-−ー－][0-9,]+")) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_POSITIVE);
        }
        String digits;
        if (ascii.matches("[0-9]{1,18}")) {
            digits = ascii;
        } else if (ascii.matches("[0-9]{1,3}(,[0-9]{3}){1,5}")) {
            digits = ascii.replace(",", "");
        } else {
            return new Parsed(0, PaymentError.AMOUNT_NOT_A_NUMBER);
        }
        return check(Long.parseLong(digits));
    }

    /** Checks an amount already read as a number (from a signed QR code) against the same bounds. */
    public static Parsed check(long amount) {
        if (amount <= 0) {
            return new Parsed(0, PaymentError.AMOUNT_NOT_POSITIVE);
        }
        if (amount > PAYMENT_AMOUNT_MAX) {
            return new Parsed(0, PaymentError.AMOUNT_OVER_LIMIT);
        }
        return new Parsed(amount, null);
    }

    /** Full-width digits and commas as their ASCII forms; every other character is left for the check to refuse. */
    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '，') {
                out.append(',');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

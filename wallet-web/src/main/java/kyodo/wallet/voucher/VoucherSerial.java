package kyodo.wallet.voucher;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A voucher's serial: 12 random characters of Crockford's base32 (60 bits from a secure random source, so serials
 * cannot be guessed) and a check character (Luhn mod 32), printed in groups as {@code ABCD-EFGH-JKMN-P}. The
 * alphabet leaves out I, L, O and U, so a serial read aloud or typed from paper is hard to get wrong, and a typed
 * {@code O}, {@code I} or {@code L} is read as the digit it resembles.
 */
public record VoucherSerial(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int RANDOM_LENGTH = 12;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    /** Typed input longer than this is refused before it is read. */
    public static final int INPUT_LENGTH_MAX = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    public VoucherSerial {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a voucher serial with a correct check character: " + value);
        }
    }

    public static VoucherSerial random() {
        StringBuilder serial = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            serial.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        serial.append(checkCharacter(serial));
        return new VoucherSerial(serial.toString());
    }

    /** A typed or scanned serial, with or without hyphens and spaces, in either case; empty if it is not one. */
    public static Optional<VoucherSerial> parse(String input) {
        if (input == null || input.length() > INPUT_LENGTH_MAX) {
            return Optional.empty();
        }
        StringBuilder normalised = new StringBuilder(LENGTH);
        for (char c : input.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> {
                }
                case 'O' -> normalised.append('0');
                case 'I', 'L' -> normalised.append('1');
                default -> normalised.append(c);
            }
        }
        String candidate = normalised.toString();
        return valid(candidate) ? Optional.of(new VoucherSerial(candidate)) : Optional.empty();
    }

    static boolean valid(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(value.substring(0, RANDOM_LENGTH)) == value.charAt(RANDOM_LENGTH);
    }

    /** Luhn mod N over the base32 alphabet: catches every single wrong character and most swaps of neighbours. */
    static char checkCharacter(CharSequence payload) {
        int n = ALPHABET.length();
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int code = ALPHABET.indexOf(payload.charAt(i));
            int addend = doubled ? code * 2 : code;
            sum += addend / n + addend % n;
            doubled = !doubled;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }

    /** As printed: {@code ABCD-EFGH-JKMN-P}. */
    public String grouped() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8, 12) + "-"
                + value.substring(12);
    }

    @Override
    public String toString() {
        return value;
    }
}

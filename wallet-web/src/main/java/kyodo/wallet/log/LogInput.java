package kyodo.wallet.log;

/**
 * Numbers from the URL, parsed by hand so that every bad value gets its own clear answer: a sequence number or
 * tree size is a positive decimal of at most {@link #DIGITS_MAX} digits.
 */
final class LogInput {
    /** Enough for any long; more digits cannot name an entry. */
    static final int DIGITS_MAX = 18;

    private LogInput() {
    }

    /** A positive number named {@code name}; {@code 0}, negatives and anything not decimal are refused. */
    static long positive(String name, String text) {
        if (text == null || text.isBlank()) {
            throw LogRefused.invalid(name + " is required");
        }
        String value = text.strip();
        if (value.startsWith("-") && value.length() > 1 && value.substring(1).chars().allMatch(Character::isDigit)) {
            throw LogRefused.invalid(name + " must be at least 1, was " + shorten(value));
        }
        if (value.length() > DIGITS_MAX || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw LogRefused.invalid(name + " must be a decimal number of at most " + DIGITS_MAX + " digits, was \""
                    + shorten(value) + "\"");
        }
        long number = Long.parseLong(value);
        if (number < 1) {
            throw LogRefused.invalid(name + " must be at least 1, was " + number);
        }
        return number;
    }

    /** Like {@link #positive}, but absent ({@code null} or empty) means "not given". */
    static Long optionalPositive(String name, String text) {
        return text == null || text.isEmpty() ? null : positive(name, text);
    }

    private static String shorten(String text) {
        return text.length() > 24 ? text.substring(0, 24) + "…" : text;
    }
}

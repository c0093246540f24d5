package kyodo.fund.problem;

/** Checks for values that come from outside; each failure is a 400 that names the field and the bound. */
public final class Inputs {
    private Inputs() {
    }

    public static String text(String field, String value, int lengthMax) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid(field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > lengthMax) {
            throw Refused.invalid(field + " must have at most " + lengthMax + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    || Character.isSurrogate(c) && !validSurrogate(trimmed, i)) {
                throw Refused.invalid(field + " holds a character that cannot be stored");
            }
        }
        return trimmed;
    }

    public static String optionalText(String field, String value, int lengthMax) {
        return value == null || value.isBlank() ? "" : text(field, value, lengthMax);
    }

    public static long amount(String field, Long value, long min, long max) {
        if (value == null) {
            throw Refused.invalid(field + " is required");
        }
        if (value < min || value > max) {
            throw Refused.invalid(field + " must be " + min + ".." + max + ", was " + value);
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw Refused.invalid(field + " is required");
        }
        return value;
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}

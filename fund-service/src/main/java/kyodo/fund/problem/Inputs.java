package kyodo.fund.problem;

import kyodo.ledger.DisplayText;

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
        if (!DisplayText.note(trimmed)) {
            throw Refused.invalid(field + " holds characters that cannot be used: control characters, text-direction"
                    + " controls, or '<' starting a tag");
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
}

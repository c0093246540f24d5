package kyodo.fund.problem;

import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.UserId;
import kyodo.ledger.DisplayText;

import java.util.Locale;

/** Checks for values that come from outside; each failure is a 400 that names the field and the bound. */
public final class Inputs {
    private Inputs() {
    }

    /** Username length as sign-in accepts it; a longer value names nobody. */
    public static final int USERNAME_LENGTH_MAX = 64;

    /** Text of several lines that people will read (a description, a comment): {@link DisplayText#note}. */
    public static String text(String field, String value, int lengthMax) {
        String trimmed = bounded(field, value, lengthMax);
        if (!DisplayText.note(trimmed)) {
            throw unusable(field);
        }
        return trimmed;
    }

    public static String optionalText(String field, String value, int lengthMax) {
        return value == null || value.isBlank() ? "" : text(field, value, lengthMax);
    }

    /** A name or title shown to people, on one line: {@link DisplayText#name}, the rule the database repeats. */
    public static String name(String field, String value, int lengthMax) {
        String trimmed = bounded(field, value, lengthMax);
        if (!DisplayText.name(trimmed)) {
            throw unusable(field);
        }
        return trimmed;
    }

    public static String optionalName(String field, String value, int lengthMax) {
        return value == null || value.isBlank() ? "" : name(field, value, lengthMax);
    }

    /**
     * The person a typed username names (compared as sign-in compares it: trimmed, lower case); refused with the
     * name when nobody signs in with it, so a mistyped reviewer or co-coordinator is caught where it was typed.
     */
    public static UserId user(People people, String field, String username) {
        if (username == null || username.isBlank()) {
            throw Refused.invalid(field + " is required");
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > USERNAME_LENGTH_MAX) {
            throw new Refused(Refusal.UNKNOWN_USER, field + ": no user is named " + name.substring(0, 16) + "…");
        }
        return people.byUsername(name).map(Person::id)
                .orElseThrow(() -> new Refused(Refusal.UNKNOWN_USER, field + ": no user is named " + name));
    }

    private static String bounded(String field, String value, int lengthMax) {
        if (value == null || value.isBlank()) {
            throw Refused.invalid(field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > lengthMax) {
            throw Refused.invalid(field + " must have at most " + lengthMax + " characters");
        }
        return trimmed;
    }

    private static Refused unusable(String field) {
        return Refused.invalid(field + " holds characters that cannot be used: control characters, text-direction"
                + " controls, line breaks in a name, or '<' starting a tag");
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

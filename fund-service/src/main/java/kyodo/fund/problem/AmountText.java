package kyodo.fund.problem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.util.Locale;

/**
 * The one reading of an amount that a person typed into a form, for yen and points alike: whole units, written in
 * ASCII or full-width digits (a Japanese input method types {@code １００００}), with or without thousands separators
 * in their right places ({@code 10,000}, {@code １０，０００}), optionally after {@code ¥} or before {@code 円}. Both
 * ways of writing a digit mean the same number; nothing else is reinterpreted: {@code 1,00}, {@code 1.5},
 * {@code 1e4}, {@code 10 000} and every other text are refused, so a typing mistake never becomes a different
 * amount. JSON bodies carry amounts as JSON integers instead (see {@code StrictAmounts}); both meet the same bounds
 * in the use cases.
 */
public final class AmountText {
    /** Longer than any amount a person types; a longer value is refused before it is read. */
    public static final int TEXT_LENGTH_MAX = 32;
    /** Digits beyond this would not fit a {@code long}. */
    private static final int DIGITS_MAX = 18;

    private AmountText() {
    }

    /** Why a text is not an amount; each has its own message in the forms. */
    public enum Problem {
        /** Nothing was typed. */
        MISSING,
        /** Not a whole number as people write one (letters, a fraction, misplaced separators, too long). */
        NOT_A_NUMBER,
        /** Zero or negative. */
        NOT_POSITIVE,
        /** More than the bound the form allows. */
        OVER_LIMIT
    }

    /** The amount, or why there is none; never both. */
    public record Read(long amount, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Reads a form's yen field, or refuses it with the message for its problem
     * ({@code fund.input.amount.<problem>}), which names the field ({@code fund.input.label.<label>}) and the bound.
     */
    public static long yen(String text, String label, long max) {
        Read read = read(text, max);
        if (!read.ok()) {
            throw new Refused(new Unreadable(read.problem(), label, max), null);
        }
        return read.amount();
    }

    /** A form's amount that could not be read: a 400 with the field's own message. */
    private record Unreadable(Problem problem, String label, long max) implements Rejection {
        @Override
        public String code() {
            return Refusal.INVALID_INPUT.code();
        }

        @Override
        public int status() {
            return Refusal.INVALID_INPUT.status();
        }

        @Override
        public String messageKey() {
            return "fund.input.amount." + problem.name();
        }

        @Override
        public Object[] arguments() {
            return new Object[] {new DefaultMessageSourceResolvable("fund.input.label." + label),
                    String.format(Locale.ROOT, "%,d", max)};
        }
    }

    /** Reads {@code text} as an amount of 1..{@code max} whole units. */
    public static Read read(String text, long max) {
        if (text == null || text.isBlank()) {
            return new Read(0, Problem.MISSING);
        }
        String typed = text.strip();
        if (typed.length() > TEXT_LENGTH_MAX) {
            return new Read(0, Problem.NOT_A_NUMBER);
        }
        String ascii = ascii(typed);
        if (ascii.startsWith("¥")) {
            ascii = ascii.substring(1).strip();
        }
        if (ascii.endsWith("円")) {
            ascii = ascii.substring(0, ascii.length() - 1).strip();
        }
        boolean negative = ascii.startsWith("-");
        String number = negative ? ascii.substring(1) : ascii;
        if (!number.matches("[0-9]{1,3}(,[0-9]{3})+|[0-9]+")) {
            return new Read(0, Problem.NOT_A_NUMBER);
        }
        String digits = number.replace(",", "");
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > DIGITS_MAX) {
            return new Read(0, negative ? Problem.NOT_POSITIVE : Problem.OVER_LIMIT);
        }
        long value = Long.parseLong(significant);
        if (negative || value == 0) {
            return new Read(0, Problem.NOT_POSITIVE);
        }
        if (value > max) {
            return new Read(0, Problem.OVER_LIMIT);
        }
        return new Read(value, null);
    }

    /**
     * Full-width digits, comma, yen sign and minus (and the other dashes people type for minus) as ASCII; every
     * other character stays as it is, so the pattern above refuses it.
     */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '，') {
                out.append(',');
            } else if (c == '￥') {
                out.append('¥');
            } else if (c == '－' || c == '−' || c == 'ー' || c == '‐') {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

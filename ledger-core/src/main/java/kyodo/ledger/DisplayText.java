package kyodo.ledger;

/**
 * Text that people typed and other people will read: names, notes, memos. It may hold any language, but not
 * characters that hide or disguise what is shown: NUL and other control characters, lone surrogates, and the
 * Unicode bidirectional controls that can make "gift 0001" display as "1000 tfig" (the "Trojan Source" trick).
 * Names additionally may not look like markup, so that a name stays a name wherever it is pasted.
 */
public final class DisplayText {
    private DisplayText() {
    }

    /** Printable text; tab and newline are allowed only when {@code allowLineBreaks}. */
    public static boolean printable(String text, boolean allowLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                if (!(allowLineBreaks && (c == '\n' || c == '\t' || c == '\r'))) {
                    return false;
                }
            } else if (bidiControl(c)) {
                return false;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A name or short label: printable on one line and nothing that looks like a tag ({@code <b}, {@code </}). */
    public static boolean name(String text) {
        return printable(text, false) && !looksLikeMarkup(text);
    }

    /** A note of several lines: printable and nothing that looks like a tag. */
    public static boolean note(String text) {
        return printable(text, true) && !looksLikeMarkup(text);
    }

    /** {@code <} followed by a letter, {@code /}, {@code !} or {@code ?}: how every HTML/XML tag starts. */
    static boolean looksLikeMarkup(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == '/' || next == '!' || next == '?' || Character.isLetter(next)) {
                return true;
            }
        }
        return false;
    }

    /** LRM, RLM, ALM and the embedding, override and isolate controls. */
    private static boolean bidiControl(char c) {
        return c == '\u200e' || c == '\u200f' || c == '\u061c' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}

package kyodo.fund.document;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.BitSet;

/**
 * The characters a name on a receipt may hold: a receipt carries a person's or company's legal name, so it must
 * print every character such a name can have and nothing else. Accepted are
 * <ul>
 * <li>JIS X 0213 (the JIS character set of Japanese text, kana, kanji of levels 1 to 4, symbols and the Latin
 *     letters it includes), as the JDK's Shift_JIS-2004 encoder knows it;</li>
 * <li>Latin letters of any language (with combining accents), for foreign names;</li>
 * <li>every ideograph IPAmj Mincho prints (the MJ characters of the family and resident registers: 𠮷, 髙 and the
 *     others JIS X 0213 lacks), and an ideographic variation selector after one (it is kept as typed and printed
 *     as its base character);</li>
 * <li>the space and the ideographic space.</li>
 * </ul>
 * Emoji, pictographs and every other character are refused where the name is typed, with a message, so a receipt
 * never fails to print. Every accepted character has a glyph in {@link Typeface#MINCHO} or {@link Typeface#GOTHIC}.
 */
public final class PrintableNames {
    private static final int SCAN_END = 0x30000;

    private PrintableNames() {
    }

    /** The characters of JIS X 0213, computed once from the JDK's Shift_JIS-2004 encoder. */
    private static final class Jis {
        static final BitSet X0213 = scan();

        private static BitSet scan() {
            CharsetEncoder encoder = Charset.forName("x-SJIS_0213").newEncoder();
            BitSet set = new BitSet(SCAN_END);
            for (int cp = 0x20; cp < SCAN_END; cp++) {
                if (Character.isDefined(cp) && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.SURROGATE
                        && encoder.canEncode(new String(Character.toChars(cp)))) {
                    set.set(cp);
                }
            }
            return set;
        }
    }

    /** The first code point of {@code name} that a receipt cannot carry, or -1 when it can carry every one. */
    public static int firstRefused(String name) {
        int previous = -1;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!accepted(cp, previous)) {
                return cp;
            }
            previous = cp;
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean accepted(int cp, int previous) {
        if (cp == ' ' || cp == '\u3000') {
            return true;
        }
        if (isIdeographicVariationSelector(cp)) {
            return previous >= 0 && Character.UnicodeScript.of(previous) == Character.UnicodeScript.HAN;
        }
        if (cp < SCAN_END && Jis.X0213.get(cp) && (Typeface.MINCHO.covers(cp) || Typeface.GOTHIC.covers(cp))) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.LATIN && Character.isLetter(cp)) {
            return Typeface.MINCHO.covers(cp) || Typeface.GOTHIC.covers(cp);
        }
        if (Character.getType(cp) == Character.NON_SPACING_MARK && cp >= 0x0300 && cp <= 0x036F) {
            return previous >= 0 && Character.UnicodeScript.of(previous) == Character.UnicodeScript.LATIN
                    && (Typeface.MINCHO.covers(cp) || Typeface.GOTHIC.covers(cp));
        }
        return script == Character.UnicodeScript.HAN && Character.isIdeographic(cp) && Typeface.MINCHO.covers(cp);
    }

    /** U+E0100..U+E01EF: which registered glyph of the ideograph before it (the MJ characters use them). */
    static boolean isIdeographicVariationSelector(int cp) {
        return cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** {@code U+1F600 (😀)}: how a refused character is named in a message. */
    public static String describe(int codePoint) {
        return String.format("U+%04X (%s)", codePoint, new String(Character.toChars(codePoint)));
    }
}

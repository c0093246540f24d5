package kyodo.fund.document;

import kyodo.fund.layout.Formats;

/**
 * Yen as people read it: {@code ¥1,234}. Kept for the documents that still call it; it is the one formatter's
 * {@link Formats#yenOf(long)}.
 */
public final class Yen {
    private Yen() {
    }

    public static String format(long yen) {
        return Formats.yenOf(yen);
    }
}

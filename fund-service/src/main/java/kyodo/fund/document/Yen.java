package kyodo.fund.document;

import java.text.NumberFormat;
import java.util.Locale;

/** Yen as people read it: {@code ¥1,234}. */
public final class Yen {
    private Yen() {
    }

    public static String format(long yen) {
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.JAPAN);
        grouped.setGroupingUsed(true);
        return (yen < 0 ? "-¥" : "¥") + grouped.format(Math.abs(yen));
    }
}

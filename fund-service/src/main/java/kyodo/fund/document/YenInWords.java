package kyodo.fund.document;

/**
 * An amount of yen in the figures a certificate writes in words ({@code 金壱万円也} for 10,000): kanji numerals in
 * groups of four digits (万, 億, 兆), with the formal numerals 壱, 弐, 参 and 拾 that cannot be altered into a larger
 * amount by adding strokes, and 壱 written before 千, 百 and 拾 as well.
 */
public final class YenInWords {
    private static final String[] DIGITS = {"", "壱", "弐", "参", "四", "五", "六", "七", "八", "九"};
    private static final String[] PLACES = {"", "拾", "百", "千"};
    private static final String[] GROUPS = {"", "万", "億", "兆", "京"};

    private YenInWords() {
    }

    /** {@code 壱万弐千参百四拾五} for 12,345; {@code 零} for 0. */
    public static String numerals(long yen) {
        if (yen < 0) {
            throw new IllegalArgumentException("an amount in words is not negative, was " + yen);
        }
        if (yen == 0) {
            return "零";
        }
        StringBuilder words = new StringBuilder();
        long rest = yen;
        for (int group = 0; rest > 0; group++) {
            int four = (int) (rest % 10_000);
            rest /= 10_000;
            if (four == 0) {
                continue;
            }
            StringBuilder part = new StringBuilder();
            for (int place = 3; place >= 0; place--) {
                int digit = four / (int) Math.pow(10, place) % 10;
                if (digit != 0) {
                    part.append(DIGITS[digit]).append(PLACES[place]);
                }
            }
            words.insert(0, part + GROUPS[group]);
        }
        return words.toString();
    }

    /** {@code 金壱万円也}: the amount as a receipt states it. */
    public static String receipt(long yen) {
        return "金" + numerals(yen) + "円也";
    }
}

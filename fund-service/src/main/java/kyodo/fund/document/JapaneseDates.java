package kyodo.fund.document;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * Dates as the ward writes them on its certificates: in the Japanese era ({@code 令和8年12月4日}), the first year
 * of an era as 元年 ({@code 令和元年5月1日}), with the Western year beside it where a form wants both.
 */
public final class JapaneseDates {
    private JapaneseDates() {
    }

    /** {@code 令和8年12月4日}. */
    public static String era(LocalDate date) {
        JapaneseDate japanese = JapaneseDate.from(date);
        JapaneseEra era = japanese.getEra();
        int year = japanese.get(ChronoField.YEAR_OF_ERA);
        return name(era) + (year == 1 ? "元" : String.valueOf(year)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }

    /** {@code 令和8年(2026年)12月4日}. */
    public static String eraAndWestern(LocalDate date) {
        String era = era(date);
        int year = era.indexOf('年');
        return era.substring(0, year + 1) + "(" + date.getYear() + "年)" + era.substring(year + 1);
    }

    private static String name(JapaneseEra era) {
        if (era == JapaneseEra.REIWA) {
            return "令和";
        }
        if (era == JapaneseEra.HEISEI) {
            return "平成";
        }
        if (era == JapaneseEra.SHOWA) {
            return "昭和";
        }
        if (era == JapaneseEra.TAISHO) {
            return "大正";
        }
        if (era == JapaneseEra.MEIJI) {
            return "明治";
        }
        // An era newer than this code: the JDK's own name for it.
        return era.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.JAPAN);
    }
}

package kyodo.fund.layout;

import kyodo.ledger.calendar.BusinessCalendar;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one formatter of numbers, money, dates and fiscal years for every page and document of both modules; templates
 * reach it as {@code @formats}. Points read {@code 1,234 pt} and yen {@code ¥1,234} (negative {@code -¥1,234}) in
 * every language; dates are the ward's (Asia/Tokyo) and follow the page's language: {@code 2026年12月4日(金)} or
 * {@code Fri, 4 Dec 2026}; a fiscal year reads {@code 2026年度} or {@code FY2026}, never with a thousands separator.
 * Formal documents use the Japanese era ({@link #era(LocalDate)}: {@code 令和8年12月4日}).
 */
@Component("formats")
public final class Formats {
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE, d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Supplier<Locale> locale;

    /** The formatter of the current request's language (Spring's {@link LocaleContextHolder}). */
    public Formats() {
        this(LocaleContextHolder::getLocale);
    }

    private Formats(Supplier<Locale> locale) {
        this.locale = locale;
    }

    /** A formatter fixed to one language, for documents and jobs that run outside a request. */
    public static Formats in(Locale locale) {
        Locale fixed = locale;
        return new Formats(() -> fixed);
    }

    /** A count with thousands separators: {@code 1,234}. */
    public String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Points: {@code 1,234 pt}. */
    public String pt(long points) {
        return number(points) + " pt";
    }

    /** Signed, for history lines: {@code +1,234 pt} or {@code -1,234 pt}. */
    public String signedPt(long points) {
        return (points > 0 ? "+" : points < 0 ? "-" : "") + pt(Math.abs(points));
    }

    /** Yen: {@code ¥1,234}, negative {@code -¥1,234}. */
    public String yen(long yen) {
        return yenOf(yen);
    }

    /** Yen without an instance, for code that formats amounts the same in every language. */
    public static String yenOf(long yen) {
        return (yen < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,d", Math.abs(yen));
    }

    /** A fiscal year (April to March): {@code 2026年度} or {@code FY2026}. */
    public String fiscalYear(int year) {
        return japanese() ? year + "年度" : "FY" + year;
    }

    /** A month: {@code 2026年12月} or {@code December 2026}. */
    public String month(YearMonth month) {
        if (month == null) {
            return "";
        }
        return japanese() ? month.getYear() + "年" + month.getMonthValue() + "月"
                : month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    /** A day: {@code 2026年12月4日(金)} or {@code Fri, 4 Dec 2026}. */
    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        return (japanese() ? JA_DATE : EN_DATE).format(day);
    }

    /** The ward's day of an instant, as {@link #date(LocalDate)}. */
    public String date(Instant instant) {
        return instant == null ? "" : date(BusinessCalendar.dayOf(instant));
    }

    /** An instant in the ward's time: {@code 2026年12月4日(金) 14:05} or {@code Fri, 4 Dec 2026, 14:05}. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = BusinessCalendar.inWard(instant);
        return date(local.toLocalDate()) + (japanese() ? " " : ", ") + TIME.format(local);
    }

    /** A day in the Japanese era, for formal documents (receipts, agreements): {@code 令和8年12月4日}. */
    public static String era(LocalDate day) {
        if (day == null) {
            return "";
        }
        JapaneseDate japanese = JapaneseDate.from(day);
        int yearOfEra = japanese.get(ChronoField.YEAR_OF_ERA);
        // The first year of an era is written 元年, as on every formal document.
        return japanese.getEra().getDisplayName(TextStyle.FULL, Locale.JAPANESE)
                + (yearOfEra == 1 ? "元" : String.valueOf(yearOfEra)) + "年" + day.getMonthValue() + "月"
                + day.getDayOfMonth() + "日";
    }

    /** Whether this formatter writes Japanese (plain Japanese included); anything but English is Japanese. */
    private boolean japanese() {
        Locale current = locale.get();
        return current == null || !Locale.ENGLISH.getLanguage().equals(current.getLanguage());
    }
}

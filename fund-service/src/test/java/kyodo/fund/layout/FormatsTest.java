package kyodo.fund.layout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);
    /** 14:05 on the 4th in Tokyo is 05:05 UTC. */
    private static final Instant AFTERNOON_IN_TOKYO = Instant.parse("2026-12-04T05:05:00Z");
    /** 00:30 on the 5th in Tokyo is still the 4th in UTC: the ward's day is the 5th. */
    private static final Instant JUST_AFTER_MIDNIGHT_IN_TOKYO = Instant.parse("2026-12-04T15:30:00Z");

    private final Formats japanese = Formats.in(Locale.JAPANESE);
    private final Formats english = Formats.in(Locale.ENGLISH);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void pointsAndYenHaveThousandsSeparatorsInBothLanguages() {
        assertThat(japanese.pt(1234)).isEqualTo("1,234 pt");
        assertThat(english.pt(1234)).isEqualTo("1,234 pt");
        assertThat(japanese.yen(1234567)).isEqualTo("¥1,234,567");
        assertThat(english.number(1234)).isEqualTo("1,234");
        assertThat(japanese.pt(0)).isEqualTo("0 pt");
    }

    @Test
    void negativeAmountsPutTheSignBeforeTheYenMark() {
        assertThat(japanese.yen(-1234)).isEqualTo("-¥1,234");
        assertThat(Formats.yenOf(-5)).isEqualTo("-¥5");
        assertThat(japanese.signedPt(-1234)).isEqualTo("-1,234 pt");
        assertThat(japanese.signedPt(1234)).isEqualTo("+1,234 pt");
        assertThat(japanese.signedPt(0)).isEqualTo("0 pt");
        assertThat(japanese.pt(-1234)).isEqualTo("-1,234 pt");
    }

    @Test
    void fiscalYearsHaveNoThousandsSeparator() {
        assertThat(japanese.fiscalYear(2026)).isEqualTo("2026年度");
        assertThat(english.fiscalYear(2026)).isEqualTo("FY2026");
    }

    @Test
    void datesInJapaneseAndEnglishWithTheDayOfTheWeek() {
        assertThat(japanese.date(FRIDAY)).isEqualTo("2026年12月4日(金)");
        assertThat(english.date(FRIDAY)).isEqualTo("Fri, 4 Dec 2026");
        assertThat(japanese.month(YearMonth.of(2026, 12))).isEqualTo("2026年12月");
        assertThat(english.month(YearMonth.of(2026, 12))).isEqualTo("December 2026");
    }

    @Test
    void dateTimesAreTheWardsTime() {
        assertThat(japanese.dateTime(AFTERNOON_IN_TOKYO)).isEqualTo("2026年12月4日(金) 14:05");
        assertThat(english.dateTime(AFTERNOON_IN_TOKYO)).isEqualTo("Fri, 4 Dec 2026, 14:05");
        assertThat(japanese.date(JUST_AFTER_MIDNIGHT_IN_TOKYO)).isEqualTo("2026年12月5日(土)");
        assertThat(english.dateTime(JUST_AFTER_MIDNIGHT_IN_TOKYO)).isEqualTo("Sat, 5 Dec 2026, 00:30");
    }

    @Test
    void eraDatesForFormalDocuments() {
        assertThat(Formats.era(FRIDAY)).isEqualTo("令和8年12月4日");
        assertThat(Formats.era(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(Formats.era(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
    }

    @Test
    void theBeanFollowsTheRequestsLanguage() {
        Formats formats = new Formats();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.fiscalYear(2026)).isEqualTo("FY2026");
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(formats.date(FRIDAY)).isEqualTo("2026年12月4日(金)");
        LocaleContextHolder.setLocale(new Locale("ja", "", "EASY")); // plain Japanese (やさしい日本語)
        assertThat(formats.fiscalYear(2026)).isEqualTo("2026年度");
    }

    @Test
    void missingValuesPrintNothing() {
        assertThat(japanese.date((LocalDate) null)).isEmpty();
        assertThat(japanese.dateTime(null)).isEmpty();
        assertThat(Formats.era(null)).isEmpty();
    }
}

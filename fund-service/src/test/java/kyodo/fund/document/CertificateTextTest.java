package kyodo.fund.document;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a certificate writes: amounts in formal numerals, dates in the Japanese era, names it can print. */
class CertificateTextTest {
    @Test
    void amountsInWordsUseTheFormalNumeralsInGroupsOfFourDigits() {
        assertThat(YenInWords.receipt(10_000)).isEqualTo("金壱万円也");
        assertThat(YenInWords.numerals(1)).isEqualTo("壱");
        assertThat(YenInWords.numerals(10)).isEqualTo("壱拾");
        assertThat(YenInWords.numerals(23)).isEqualTo("弐拾参");
        assertThat(YenInWords.numerals(12_345)).isEqualTo("壱万弐千参百四拾五");
        assertThat(YenInWords.numerals(100_010)).isEqualTo("壱拾万壱拾");
        assertThat(YenInWords.numerals(300_000_000)).isEqualTo("参億");
        assertThat(YenInWords.numerals(1_000_000_001)).isEqualTo("壱拾億壱");
        assertThat(YenInWords.numerals(0)).isEqualTo("零");
        assertThatThrownBy(() -> YenInWords.numerals(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datesAreInTheJapaneseEraWithTheFirstYearAsGannen() {
        assertThat(JapaneseDates.era(LocalDate.of(2026, 12, 4))).isEqualTo("令和8年12月4日");
        assertThat(JapaneseDates.era(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日");
        assertThat(JapaneseDates.era(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月30日");
        assertThat(JapaneseDates.eraAndWestern(LocalDate.of(2027, 4, 1))).isEqualTo("令和9年(2027年)4月1日");
    }

    @Test
    void aNameMayHoldWhatAReceiptPrintsAndNoEmoji() {
        for (String name : new String[] {"山田 花子", "𠮷田 太郎", "髙橋", "𩸽", "渡邊", "葛\uDB40\uDD00城",
                "株式会社さくら商店", "NPO法人ひまわり", "Łukasz Müller", "José", "o'Brien", "山田　花子", "ヶ崎"}) {
            assertThat(PrintableNames.firstRefused(name)).as(name).isEqualTo(-1);
        }
        assertThat(PrintableNames.firstRefused("山田😀")).isEqualTo(0x1F600);
        assertThat(PrintableNames.firstRefused("❤️")).isNotEqualTo(-1);
        assertThat(PrintableNames.firstRefused("佐藤🇯🇵")).isNotEqualTo(-1);
        assertThat(PrintableNames.firstRefused("\uDB40\uDD00山")).isEqualTo(0xE0100);
        assertThat(PrintableNames.firstRefused("한국")).isNotEqualTo(-1);
        assertThat(PrintableNames.describe(0x1F600)).isEqualTo("U+1F600 (😀)");
    }
}

package kyodo.fund.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reading of a typed amount: the same number however its digits were typed, anything else refused. */
class AmountTextTest {
    private static final long MAX = 1_000_000_000L;

    @Test
    void digitsMeanTheSameNumberAsciiOrFullWidthWithOrWithoutSeparators() {
        for (String typed : new String[] {"10000", "１００００", "10,000", "１０，０００", " 10000 ", "¥10,000",
                "￥１０，０００", "10000円", "１０，０００円", "010000"}) {
            assertThat(AmountText.read(typed, MAX).amount()).as(typed).isEqualTo(10_000);
        }
        assertThat(AmountText.read("1,000,000", MAX).amount()).isEqualTo(1_000_000);
        assertThat(AmountText.read("1", 1).amount()).isEqualTo(1);
    }

    @Test
    void anythingElseIsRefusedWithItsReasonNeverReadAsAnotherNumber() {
        for (String typed : new String[] {"1,00", "10,00,000", ",100", "100,", "1.5", "１．５", "1e4", "10 000",
                "一万", "1万", "abc", "0x10", "+5", "1_000", "9".repeat(40)}) {
            assertThat(AmountText.read(typed, MAX).problem()).as(typed).isEqualTo(AmountText.Problem.NOT_A_NUMBER);
        }
        for (String typed : new String[] {"0", "000", "-5", "－５", "−5", "ー5"}) {
            assertThat(AmountText.read(typed, MAX).problem()).as(typed).isEqualTo(AmountText.Problem.NOT_POSITIVE);
        }
        assertThat(AmountText.read("1000000001", MAX).problem()).isEqualTo(AmountText.Problem.OVER_LIMIT);
        assertThat(AmountText.read("9".repeat(19), MAX).problem()).isEqualTo(AmountText.Problem.OVER_LIMIT);
        assertThat(AmountText.read("", MAX).problem()).isEqualTo(AmountText.Problem.MISSING);
        assertThat(AmountText.read(null, MAX).problem()).isEqualTo(AmountText.Problem.MISSING);
        assertThat(AmountText.read("　", MAX).problem()).isEqualTo(AmountText.Problem.MISSING);
    }
}

package kyodo.wallet.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AmountInputTest {
    @Test
    void acceptsDigitsWithinTheLimitAsciiOrFullWidthWithOrWithoutSeparators() {
        assertThat(AmountInput.parse(" 1234 ").amount()).isEqualTo(1234);
        assertThat(AmountInput.parse("100000").amount()).isEqualTo(AmountInput.PAYMENT_AMOUNT_MAX);
        assertThat(AmountInput.parse("１２３").amount()).isEqualTo(123);
        assertThat(AmountInput.parse("10,000").amount()).isEqualTo(10_000);
        assertThat(AmountInput.parse("１０，０００").amount()).isEqualTo(10_000);
    }

    @Test
    void readsFullWidthDigitsAndThousandsSeparatorsAsWhatTheyMean() {
        assertThat(AmountInput.parse("１２３").amount()).isEqualTo(123);
        assertThat(AmountInput.parse("1,234").amount()).isEqualTo(1234);
        assertThat(AmountInput.parse("１，２３４").amount()).isEqualTo(1234);
        assertThat(AmountInput.parse("\u3000１２３\u3000").amount()).isEqualTo(123);
        assertThat(AmountInput.parse("100,000").amount()).isEqualTo(AmountInput.PAYMENT_AMOUNT_MAX);
        assertThat(AmountInput.parse("100,001").error()).isEqualTo(PaymentError.AMOUNT_OVER_LIMIT);
    }

    @Test
    void refusesEachBadAmountWithItsOwnReason() {
        assertThat(AmountInput.parse("").error()).isEqualTo(PaymentError.AMOUNT_MISSING);
        assertThat(AmountInput.parse(null).error()).isEqualTo(PaymentError.AMOUNT_MISSING);
        assertThat(AmountInput.parse("0").error()).isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(AmountInput.parse("-5").error()).isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(AmountInput.parse("abc").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("1.5").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("1e3").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("１．５").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("12,34").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse(",123").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("1 234").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("－１２").error()).isEqualTo(PaymentError.AMOUNT_NOT_POSITIVE);
        assertThat(AmountInput.parse("+12").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("１２３ｐｔ").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("1,00").error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
        assertThat(AmountInput.parse("100001").error()).isEqualTo(PaymentError.AMOUNT_OVER_LIMIT);
        assertThat(AmountInput.parse("99999999999999999999").error()).isEqualTo(PaymentError.AMOUNT_OVER_LIMIT);
        assertThat(AmountInput.parse("9".repeat(1000)).error()).isEqualTo(PaymentError.AMOUNT_NOT_A_NUMBER);
    }
}

package kyodo.fund.form;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormErrorsTest {
    @Test
    void keepsTheFieldsInTheOrderFoundAndTheFirstMessageOfEach() {
        FormErrors errors = new FormErrors()
                .reject("to", "error.RECIPIENT_NOT_FOUND")
                .reject("amount", "error.AMOUNT_NOT_A_NUMBER")
                .reject("to", "error.SAME_WALLET");

        assertThat(errors.list()).extracting(FormErrors.FieldError::field).containsExactly("to", "amount");
        assertThat(errors.of("to").key()).isEqualTo("error.RECIPIENT_NOT_FOUND");
        assertThat(errors.invalid("amount")).isEqualTo("true");
        assertThat(errors.describedBy("amount")).isEqualTo("amount-error");
        assertThat(errors.invalid("note")).as("no attribute for a field without error").isNull();
        assertThat(errors.describedBy("note")).isNull();
        assertThat(new FormErrors().isEmpty()).isTrue();
    }

    @Test
    void refusesAFieldThatIsNoElementIdAndStaysBounded() {
        assertThatThrownBy(() -> new FormErrors().reject("\"><script>", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        FormErrors errors = new FormErrors();
        for (int i = 0; i < FormErrors.FIELDS_MAX + 10; i++) {
            errors.reject("f" + i, "k");
        }
        assertThat(errors.list()).hasSize(FormErrors.FIELDS_MAX);
    }
}

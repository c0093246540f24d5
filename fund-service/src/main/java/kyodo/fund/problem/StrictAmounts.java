package kyodo.fund.problem;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Amounts in JSON bodies are JSON integers and nothing else. Jackson would otherwise cut {@code 1.5} to 1, read
 * {@code 1e4} as 10000 and the string {@code "10000"} as a number: each a silent reinterpretation of money. With
 * these settings such a body is refused as a 400 problem that names the field ({@link FundProblems}). Forms read
 * their text with {@link AmountText}; both end in the use cases' bounds ({@link Inputs#amount}).
 */
@Configuration(proxyBeanMethods = false)
class StrictAmounts {
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersOnly() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}

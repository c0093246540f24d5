package kyodo.wallet.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * The API reads JSON strictly, because a lenient reader is where ambiguity turns into money moving: a duplicated
 * key ({@code "amount":"1","amount":"1000"}) would silently take the last value, and an unknown field
 * ({@code "balance"}, {@code "role"}) would be silently dropped, hiding a client's mistake or a mass-assignment
 * attempt. Both are refused as 400 problems instead, as are trailing tokens after the body.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {
    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}

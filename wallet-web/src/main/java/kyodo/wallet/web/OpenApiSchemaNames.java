package kyodo.wallet.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Unique schema names in {@code /v3/api-docs}. By default a schema is named after its class's simple name, so the
 * donation's {@code DonationDesk.Form} and the grant application's {@code ApplicationDesk.Form} were one schema, and
 * a client that followed the document sent the wrong body. A nested type is named after its enclosing types too
 * ({@code DonationDesk.Form}); top-level types keep their simple names.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSchemaNames {
    /**
     * Replaces springdoc's default resolver (same class). First in order, so that springdoc's own converters, which
     * hand on to the next one, stay in front of it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver enclosingTypeSchemaNames(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new EnclosingTypeNames());
    }

    /** {@code Outer.Inner} for nested types. */
    static final class EnclosingTypeNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name = outer.getSimpleName() + "." + name;
            }
            return name;
        }
    }
}

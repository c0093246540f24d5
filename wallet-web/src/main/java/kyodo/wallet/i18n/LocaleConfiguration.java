package kyodo.wallet.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Pages are in Japanese unless the visitor asks for English: {@code ?lang=en} (remembered in a cookie) or, on a
 * first visit, an Accept-Language that prefers English to Japanese. Anything else is Japanese, never the server's
 * own locale. {@code ?lang=ja-easy} asks for plain Japanese (やさしい日本語): the locale {@link #EASY_JAPANESE}, whose
 * bundles ({@code messages_ja__EASY.properties}) cover the residents' pages and fall back to normal Japanese.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {
    /** Plain Japanese: a variant of Japanese, so every lookup it lacks falls back to the Japanese bundle. */
    public static final Locale EASY_JAPANESE = new Locale("ja", "", "EASY");
    /** How the language switch and the cookie name plain Japanese. */
    static final String EASY_JAPANESE_VALUE = "ja-easy";
    static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH, EASY_JAPANESE);
    static final String PARAMETER = "lang";
    static final String COOKIE = "kyodo-lang";

    /** The name is the one Spring MVC looks up; Spring Boot's Accept-Language-only resolver backs off. */
    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return parse(value, super::parseLocaleValue);
            }
        };
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The first supported language in the visitor's Accept-Language, else Japanese. */
    static Locale fromAcceptLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.JAPANESE; // without the header the servlet container answers with its own locale
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.JAPANESE;
    }

    static Locale supported(Locale locale) {
        if (locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return Locale.ENGLISH;
        }
        return EASY_JAPANESE.equals(locale) ? EASY_JAPANESE : Locale.JAPANESE;
    }

    /** {@code ja-easy} (any case) is plain Japanese; other values are read as Spring reads them. */
    static Locale parse(String value, Function<String, Locale> otherwise) {
        return value != null && EASY_JAPANESE_VALUE.equalsIgnoreCase(value.trim()) ? EASY_JAPANESE
                : otherwise.apply(value);
    }

    private static final class SupportedLocaleResolver extends CookieLocaleResolver {
        SupportedLocaleResolver() {
            super(COOKIE);
            setDefaultLocaleFunction(LocaleConfiguration::fromAcceptLanguage);
            setCookieHttpOnly(true); // only the server reads the choice of language
            setCookieSameSite("Lax");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            return parse(value, super::parseLocaleValue);
        }

        @Override
        protected String toLocaleValue(Locale locale) {
            return EASY_JAPANESE.equals(locale) ? EASY_JAPANESE_VALUE : super.toLocaleValue(locale);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}

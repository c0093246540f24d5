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

/**
 * Pages are in Japanese unless the visitor asks for English: {@code ?lang=en} (remembered in a cookie) or, on a
 * first visit, an Accept-Language that prefers English to Japanese. Anything else is Japanese, never the server's
 * own locale.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {
    static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);
    static final String PARAMETER = "lang";
    static final String COOKIE = "kyodo-lang";

    /** The name is the one Spring MVC looks up; Spring Boot's Accept-Language-only resolver backs off. */
    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
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
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? Locale.ENGLISH : Locale.JAPANESE;
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
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}

package kyodo.fund.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one problem+json factory of {@code /api}, for the fund and the wallet alike: {@code title} in the caller's
 * language, {@code code} for programs, and the message in both languages ({@code message_ja}, {@code message_en})
 * so that a screen can show either. Messages come from the application's {@link MessageSource} (Japanese unless
 * the language is English). Pages use {@link #message(Refused)} for the same text in the request's language.
 */
@Component
public class Problems {
    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<LocaleResolver> locales;

    public Problems(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        // Outside Spring MVC (in a filter) nothing applies the mix-in that puts code and messages at the top level.
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
        this.locales = locales;
    }

    /** The problem for {@code rejection}, titled in the current request's language. */
    public ProblemDetail detail(Rejection rejection) {
        return detail(rejection, LocaleContextHolder.getLocale());
    }

    /** A problem with its own code and message key, for answers that belong to no enum of rejections. */
    public ProblemDetail detail(HttpStatusCode status, String code, String messageKey) {
        return detail(new Coded(code, status.value(), messageKey), LocaleContextHolder.getLocale());
    }

    private ProblemDetail detail(Rejection rejection, Locale titleLocale) {
        String ja = message(rejection, Locale.JAPANESE);
        String en = message(rejection, Locale.ENGLISH);
        ProblemDetail problem = ProblemDetail.forStatus(rejection.status());
        problem.setTitle(english(titleLocale) ? en : ja);
        problem.setProperty("code", rejection.code());
        problem.setProperty("message_ja", ja);
        problem.setProperty("message_en", en);
        return problem;
    }

    public ResponseEntity<ProblemDetail> of(Rejection rejection) {
        return answer(detail(rejection));
    }

    /** The refusal's problem, with its {@code detail} (which names the field or the books' answer). */
    public ResponseEntity<ProblemDetail> of(Refused refused) {
        ProblemDetail problem = detail(refused.refusal());
        if (refused.getMessage() != null) {
            problem.setDetail(refused.getMessage());
        }
        return answer(problem);
    }

    public ResponseEntity<ProblemDetail> of(int status, String code, String messageKey) {
        return answer(detail(HttpStatusCode.valueOf(status), code, messageKey));
    }

    /** {@code problem} as a response with its own status and the problem+json media type. */
    public ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The message of {@code rejection} in the current request's language. */
    public String message(Rejection rejection) {
        return message(rejection, LocaleContextHolder.getLocale());
    }

    /** The message of {@code rejection} in {@code locale}: English if it is English, Japanese otherwise. */
    public String message(Rejection rejection, Locale locale) {
        return messages.getMessage(rejection.messageKey(), rejection.arguments(), rejection.messageKey(),
                english(locale) ? Locale.ENGLISH : Locale.JAPANESE);
    }

    /** What a page shows for a refusal: the message in the request's language, then the detail, if any. */
    public String message(Refused refused) {
        String message = message(refused.refusal());
        return refused.getMessage() == null ? message : message + " (" + refused.getMessage() + ")";
    }

    /**
     * Answers {@code request} with the problem for {@code rejection}, from a filter that runs before Spring MVC
     * (which has no message converters there); the title is in the language the application's locale resolver
     * picks for the request.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Rejection rejection)
            throws IOException {
        ProblemDetail problem = detail(rejection, locale(request));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A problem with its own code and message key, written from a filter as {@link #write} does. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code,
                      String messageKey) throws IOException {
        write(request, response, new Coded(code, status.value(), messageKey));
    }

    /** The request's language as the application's locale resolver sees it (outside Spring MVC too). */
    public Locale locale(HttpServletRequest request) {
        LocaleResolver resolver = locales.getIfAvailable();
        Locale locale = resolver == null ? request.getLocale() : resolver.resolveLocale(request);
        return english(locale) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    private static boolean english(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private record Coded(String code, int status, String messageKey) implements Rejection {
    }
}

package kyodo.wallet.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * problem+json answers for the API: {@code title} in the caller's language, {@code code} for programs, and the
 * message in both languages ({@code message_ja}, {@code message_en}) so a screen can show either.
 */
@Component
public class Problems {
    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<ProblemDetail> of(int status, String code, String messageKey) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(HttpStatusCode.valueOf(status), code, messageKey));
    }

    public ProblemDetail detail(HttpStatusCode status, String code, String messageKey) {
        String ja = messages.getMessage(messageKey, null, messageKey, Locale.JAPANESE);
        String en = messages.getMessage(messageKey, null, messageKey, Locale.ENGLISH);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? en : ja);
        problem.setProperty("code", code);
        problem.setProperty("message_ja", ja);
        problem.setProperty("message_en", en);
        return problem;
    }
}

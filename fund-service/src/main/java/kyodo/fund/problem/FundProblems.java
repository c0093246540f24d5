package kyodo.fund.problem;

import kyodo.fund.access.Actor;
import kyodo.fund.problem.FundApi;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Locale;

/**
 * problem+json for the fund's REST controllers (marked {@link FundApi}); other modules keep their own errors.
 * The title is in the request's language (Japanese unless English was asked for); both messages are always
 * present as {@code messageJa} and {@code messageEn}, with a stable {@code code}.
 */
@RestControllerAdvice(annotations = FundApi.class)
class FundProblems {

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refused) {
        return problem(refused.refusal(), refused.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        // An anonymous visitor is denied because nobody signed in: that is a 401, not a 403.
        return problem(Actor.current().isPresent() ? Refusal.FORBIDDEN : Refusal.UNAUTHENTICATED, null);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException missing) {
        return problem(Refusal.UNAUTHENTICATED, null);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception bad) {
        return problem(Refusal.INVALID_INPUT, "the request body or a parameter could not be read");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException bad) {
        return problem(Refusal.INVALID_INPUT, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException bad) {
        return problem(Refusal.INVALID_INPUT, HttpStatus.METHOD_NOT_ALLOWED, "method not allowed");
    }

    static ResponseEntity<ProblemDetail> problem(Refusal refusal, String detail) {
        return problem(refusal, refusal.status(), detail);
    }

    static ResponseEntity<ProblemDetail> problem(Refusal refusal, HttpStatusCode status, String detail) {
        boolean english = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setTitle(english ? refusal.english() : refusal.japanese());
        if (detail != null) {
            body.setDetail(detail);
        }
        body.setProperty("code", refusal.name());
        body.setProperty("messageJa", refusal.japanese());
        body.setProperty("messageEn", refusal.english());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}

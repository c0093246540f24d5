package kyodo.fund.problem;

import kyodo.fund.access.Actor;
import org.springframework.http.HttpStatus;
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
import tools.jackson.core.JacksonException;

/**
 * Where the fund's REST controllers (marked {@link FundApi}) map a refusal to HTTP: problem+json from
 * {@link Problems}, with the rejection's status and stable {@code code}, the message in both languages and a
 * {@code detail} that names the field or the books' answer. Other modules keep their own controller advice.
 */
@RestControllerAdvice(annotations = FundApi.class)
class FundProblems {
    /** A longer path is not a field of ours; it is not repeated back. */
    private static final int FIELD_PATH_LENGTH_MAX = 80;

    private final Problems problems;

    FundProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refused) {
        return problems.of(refused);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        // An anonymous visitor is denied because nobody signed in: that is a 401, not a 403.
        return problems.of(Actor.current().isPresent() ? Refusal.FORBIDDEN : Refusal.UNAUTHENTICATED);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException missing) {
        return problems.of(Refusal.UNAUTHENTICATED);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception bad) {
        String field = field(bad);
        return problems.of(new Refused(Refusal.INVALID_INPUT, field == null
                ? "the request body or a parameter could not be read"
                : field + " could not be read: amounts and counts are JSON integers (no quotes, fractions or "
                + "exponents), dates are ISO text"));
    }

    /** The JSON path of the value Jackson could not read ({@code budget}, {@code criteria[1].weight}), if known. */
    private static String field(Throwable bad) {
        for (Throwable cause = bad; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference step : json.getPath()) {
                    if (step.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
                    } else if (step.getIndex() >= 0) {
                        path.append('[').append(step.getIndex()).append(']');
                    }
                }
                return path.isEmpty() || path.length() > FIELD_PATH_LENGTH_MAX ? null : path.toString();
            }
        }
        return null;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException bad) {
        return invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException bad) {
        return invalid(HttpStatus.METHOD_NOT_ALLOWED, "method not allowed");
    }

    /** Invalid input whose status says more than 400 does. */
    private ResponseEntity<ProblemDetail> invalid(HttpStatus status, String detail) {
        ProblemDetail problem = problems.detail(status, Refusal.INVALID_INPUT.code(),
                Refusal.INVALID_INPUT.messageKey());
        problem.setDetail(detail);
        return problems.answer(problem);
    }
}

package kyodo.wallet.web;

import kyodo.fund.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Malformed API requests (unreadable JSON, wrong types, missing parameters, wrong method or media type) answer
 * with a 4xx problem+json in both languages, never a 500.
 */
@RestControllerAdvice(basePackages = "kyodo.wallet")
class ApiErrors extends ResponseEntityExceptionHandler {
    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = problems.detail(statusCode, "BAD_REQUEST", "error.BAD_REQUEST");
        if (body instanceof ProblemDetail original && original.getDetail() != null) {
            problem.setDetail(original.getDetail());
        }
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch() {
        return problems.of(400, "BAD_REQUEST", "error.BAD_REQUEST");
    }
}

package kyodo.fund.audit;

import kyodo.fund.access.Language;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused bank statement as problem+json, in the same shape as the fund's other refusals. */
@RestControllerAdvice(assignableTypes = AuditApi.class)
class AuditProblems {
    @ExceptionHandler(BadStatement.class)
    ResponseEntity<ProblemDetail> badStatement(BadStatement bad) {
        return ResponseEntity.status(bad.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(bad));
    }

    static ProblemDetail problem(BadStatement bad) {
        ProblemDetail body = ProblemDetail.forStatus(bad.status());
        body.setTitle(Language.english() ? bad.english() : bad.japanese());
        body.setDetail(bad.english());
        body.setProperty("code", bad.code());
        body.setProperty("messageJa", bad.japanese());
        body.setProperty("messageEn", bad.english());
        return body;
    }
}

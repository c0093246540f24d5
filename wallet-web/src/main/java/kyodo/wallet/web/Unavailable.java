package kyodo.wallet.web;

import jakarta.servlet.http.HttpServletRequest;
import kyodo.fund.layout.LayoutAdvice;
import kyodo.fund.problem.Problems;
import kyodo.ledger.LedgerUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database cannot be reached (restarting, failing over, connections dropped) nothing a client sent was
 * wrong and nothing was half done: every money movement is one transaction, and every request carries its
 * idempotency key. So the answer is 503 with Retry-After — "send the same request again shortly" — never a 500,
 * which would leave a client unsure whether to retry. The crash drill found the 500s this replaces.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class Unavailable {
    static final String RETRY_AFTER_SECONDS = "5";

    private final Problems problems;
    private final ObjectProvider<LayoutAdvice> layout;

    Unavailable(Problems problems, ObjectProvider<LayoutAdvice> layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, LedgerUnavailable.class})
    Object databaseUnavailable(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail problem = problems.detail(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "error.SERVICE_UNAVAILABLE");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("unavailable");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        // an exception handler's model has no model attributes: the page asks the layout for its frame
        LayoutAdvice advice = layout.getIfAvailable();
        if (advice != null) {
            page.addObject("frame", advice.frame(request));
        }
        return page;
    }
}

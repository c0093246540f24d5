package kyodo.wallet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.layout.ErrorPage;
import kyodo.fund.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Security refusals: on {@code /api} as problem+json with both languages, instead of a redirect to a page; on pages
 * as the layout's error page (the container's error dispatch draws it), which tells an expired form from a role
 * that may not open the page.
 */
@Component
class ProblemResponses {
    private final Problems problems;

    ProblemResponses(Problems problems) {
        this.problems = problems;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "error.unauthenticated");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "error.forbidden");
    }

    void forbiddenPage(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            request.setAttribute(ErrorPage.KIND_ATTRIBUTE, "csrf");
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}

package kyodo.wallet.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import kyodo.fund.layout.ErrorPage;
import kyodo.fund.layout.LayoutAdvice;
import kyodo.fund.problem.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;

/**
 * What the servlet container's error dispatch ({@code /error}) answers, in place of Spring Boot's: a person's
 * browser gets the layout's error page in their language, with the failure's status, saying what happened and
 * what to do; a program ({@code /api/**}, or a request that asks for JSON and not HTML) gets problem+json in both
 * languages. No stack trace, exception text or framework page reaches anyone.
 */
@Controller
class ErrorPages implements ErrorController {
    private static final String PATH = "/error";

    private final Problems problems;
    private final LayoutAdvice layout;

    ErrorPages(Problems problems, LayoutAdvice layout) {
        this.problems = problems;
        this.layout = layout;
    }

    @RequestMapping(PATH)
    Object error(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        if (wantsProblem(request)) {
            ProblemDetail problem = problems.detail(status, code(status), "error." + code(status));
            var answer = org.springframework.http.ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            retryAfter(status).forEach(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds));
            return answer.body(problem);
        }
        Object kind = request.getAttribute(ErrorPage.KIND_ATTRIBUTE);
        return ErrorPage.of(status, kind instanceof String named ? named : null, null, layout.frame(request));
    }

    /** The failure's status as the container recorded it; a request that reached here without one is a 404. */
    static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value <= 599) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.NOT_FOUND;
    }

    /** A program's request: under {@code /api}, or one whose Accept names JSON before (or without) HTML. */
    static boolean wantsProblem(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = 0;
        double html = 0;
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    continue; // */* and text/* say nothing about which the client reads
                }
                if (type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
                        || type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML)) {
                    html = Math.max(html, type.getQualityValue());
                } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json")) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return json > html;
    }

    /** The code a program reads, {@code NOT_FOUND}, {@code FORBIDDEN} …, with its messages {@code error.<code>}. */
    private static String code(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static List<String> retryAfter(HttpStatusCode status) {
        return status.value() == 503 ? List.of(Unavailable.RETRY_AFTER_SECONDS) : List.of();
    }
}

package kyodo.fund.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kyodo.fund.problem.Problems;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses a statement upload whose declared size is beyond the limit before anything reads it, with the same
 * clear message as the importer (problem+json for the API, a short page otherwise). The servlet container's
 * multipart limit and the importer's bounded read stay in place for uploads that declare no size. It runs before
 * Spring Security's chain (order -100): the chain's CSRF check reads the multipart form, and on an oversized
 * upload the container's parser would fail there and answer with a confusing "forbidden".
 */
@Component
@Order(-101)
class StatementUploadLimit extends OncePerRequestFilter {
    /** The file itself plus room for a multipart form's boundaries and fields. */
    static final long REQUEST_BYTES_MAX = StatementCsv.BYTES_MAX + 64 * 1024;
    private static final String API = "/api/fund/audit/reconciliation";
    private static final String PAGES = "/fund/audit/reconciliation";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.startsWith(API) || path.startsWith(PAGES));
    }

    private final Problems problems;
    private final MessageSource messages;

    StatementUploadLimit(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= REQUEST_BYTES_MAX) {
            chain.doFilter(request, response);
            return;
        }
        BadStatement bad = BadStatement.tooLargeRejection(StatementCsv.BYTES_MAX);
        // The body is not read: tell the client that this connection will not carry another request.
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(API)) {
            problems.write(request, response, bad);
            return;
        }
        Locale locale = problems.locale(request);
        String message = HtmlUtils.htmlEscape(problems.message(bad, locale));
        String back = HtmlUtils.htmlEscape(messages.getMessage("fund.statement.back", null, locale));
        response.setStatus(bad.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
                + "\"><head><meta charset=\"UTF-8\"><title>" + message + "</title></head><body><main><h1>"
                + message + "</h1><p><a href=\"" + request.getContextPath() + PAGES + "\">" + back
                + "</a></p></main></body></html>");
    }
}

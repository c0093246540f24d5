package kyodo.fund.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= REQUEST_BYTES_MAX) {
            chain.doFilter(request, response);
            return;
        }
        BadStatement bad = BadStatement.tooLarge(StatementCsv.BYTES_MAX);
        boolean english = Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage());
        String message = english ? bad.english() : bad.japanese();
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // The body is not read: tell the client that this connection will not carry another request.
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(API)) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"status\":413,\"title\":" + json(message)
                    + ",\"detail\":" + json(bad.english()) + ",\"code\":\"" + bad.code() + "\",\"messageJa\":"
                    + json(bad.japanese()) + ",\"messageEn\":" + json(bad.english()) + "}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + (english ? "en" : "ja")
                    + "\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(message)
                    + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(message) + "</h1><p><a href=\""
                    + request.getContextPath() + PAGES + "\">" + (english ? "Back" : "戻る")
                    + "</a></p></main></body></html>");
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package kyodo.wallet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Security refusals on {@code /api} as problem+json with both languages, instead of a redirect to a page. */
@Component
class ProblemResponses {
    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, 401, "unauthenticated", "サインインが必要です。", "Please sign in.");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, "forbidden",
                "この操作は許可されていません(CSRFトークンがないか、権限がありません)。",
                "This is not allowed (missing CSRF token or not permitted for your role).");
    }

    private static void write(HttpServletResponse response, int status, String code, String ja, String en)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + en + "\",\"status\":" + status
                + ",\"code\":\"" + code + "\",\"message_ja\":\"" + ja + "\",\"message_en\":\"" + en + "\"}");
    }
}

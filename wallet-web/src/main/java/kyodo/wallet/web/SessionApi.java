package kyodo.wallet.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an API client needs before its first change: who it is signed in as and the CSRF token to send. */
@RestController
class SessionApi {
    record SessionView(String username, String csrfHeader, String csrfToken) {
    }

    @Operation(summary = "The signed-in user (null if none) and the CSRF header to send with every change")
    @GetMapping("/api/session")
    SessionView session(Authentication authentication, CsrfToken csrf) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName());
        return new SessionView(signedIn ? authentication.getName() : null, csrf.getHeaderName(), csrf.getToken());
    }
}

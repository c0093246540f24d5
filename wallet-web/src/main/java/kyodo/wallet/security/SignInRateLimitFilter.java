package kyodo.wallet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

/**
 * Slows down password guessing: each address and each username may try to sign in (password or passkey)
 * {@value #BURST} times at once, then once every {@value #SECONDS_PER_TRY} seconds.
 */
final class SignInRateLimitFilter extends OncePerRequestFilter {
    static final int BURST = 10;
    static final int SECONDS_PER_TRY = 2;

    private final TokenBuckets byAddress;
    private final TokenBuckets byUsername;

    SignInRateLimitFilter(Clock clock) {
        this.byAddress = new TokenBuckets(BURST * 3, 3.0 / SECONDS_PER_TRY, clock);
        this.byUsername = new TokenBuckets(BURST, 1.0 / SECONDS_PER_TRY, clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(uri.equals("/signin") || uri.equals("/login/webauthn"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        boolean allowed = byAddress.tryTake(request.getRemoteAddr())
                && (username == null || byUsername.tryTake(username.strip().toLowerCase(Locale.ROOT)));
        if (!allowed) {
            // the error dispatch answers: the layout's page for a browser, problem+json for a passkey's fetch
            response.setHeader("Retry-After", Integer.toString(SECONDS_PER_TRY));
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}

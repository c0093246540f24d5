package kyodo.wallet.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Set;

/**
 * Who may read {@code /actuator/prometheus}: a scraper on the same host (the usual sidecar or node agent) or a
 * signed-in admin. The metrics name no person, but queue depths and latencies are operational detail that the
 * internet-facing zone has no reason to publish.
 */
final class MetricsScrapers {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    static final AuthorizationManager<RequestAuthorizationContext> LOOPBACK_OR_ADMIN = (authentication, context) ->
            new AuthorizationDecision(LOOPBACK.contains(context.getRequest().getRemoteAddr())
                    || authentication.get().getAuthorities().stream()
                    .anyMatch(granted -> "ROLE_ADMIN".equals(granted.getAuthority())));

    private MetricsScrapers() {
    }
}

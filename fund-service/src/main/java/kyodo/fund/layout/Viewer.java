package kyodo.fund.layout;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is looking at a page: the principal name, the name people know them by, and their roles as the security
 * chain granted them (without the {@code ROLE_} prefix, so both modules' role names fit). A visitor who did not
 * sign in has no name and no roles.
 *
 * @param name        the principal name (the user id), or null for a visitor
 * @param displayName the name the header shows, or null for a visitor
 * @param roles       role names such as {@code RESIDENT} or {@code GROUP_COORDINATOR}
 */
public record Viewer(String name, String displayName, Set<String> roles) {
    /** The role the header names when a user holds several, the one with the widest duties first. */
    static final List<String> ROLE_PRECEDENCE = List.of("ADMIN", "STAFF", "AUDITOR", "COMMITTEE", "COORDINATOR",
            "GROUP_COORDINATOR", "MERCHANT", "DONOR", "RESIDENT");

    public static final Viewer VISITOR = new Viewer(null, null, Set.of());

    public Viewer {
        roles = Set.copyOf(roles);
    }

    /** The viewer of a request, from its authentication; display names come from {@code names}. */
    static Viewer of(Authentication authentication, DisplayNames names) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            return VISITOR;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        String name = authentication.getName();
        return new Viewer(name, names.of(name).orElse(name), roles);
    }

    public boolean signedIn() {
        return name != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The role the header names (see {@link #ROLE_PRECEDENCE}), or null for a visitor or an unknown role. */
    public String role() {
        return ROLE_PRECEDENCE.stream().filter(roles::contains).findFirst().orElse(null);
    }
}

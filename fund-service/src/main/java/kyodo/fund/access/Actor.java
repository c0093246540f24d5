package kyodo.fund.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The user acting now: the principal name (the user id) and roles. Read from the security context the host
 * application's chain filled; an unauthenticated request has no actor.
 */
public record Actor(String userId, Set<Role> roles) {
    public static final int USER_ID_LENGTH_MAX = 64;

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        String name = authentication.getName();
        if (name == null || name.isBlank() || name.length() > USER_ID_LENGTH_MAX) {
            return Optional.empty();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return Optional.of(new Actor(name, roles));
    }

    /** The acting user, for endpoints that method security already limited to signed-in roles. */
    public static Actor required() {
        return current().orElseThrow(() -> new org.springframework.security.authentication
                .AuthenticationCredentialsNotFoundException("no signed-in user"));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}

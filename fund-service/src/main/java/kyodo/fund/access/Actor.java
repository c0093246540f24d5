package kyodo.fund.access;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The person acting now: their {@link UserId} and roles, read from the security context the host application's
 * chain filled. The host gives every signed-in person the authorities of {@link #authorities()}: the roles and
 * a {@link UserIdAuthority}. A request without them (signed out, or a principal the host did not make) has no
 * actor.
 */
public record Actor(UserId userId, Set<Role> roles) {
    public Actor {
        if (userId == null) {
            throw new IllegalArgumentException("an actor has a user id");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The actor of the current request, if someone signed in. */
    public static Optional<Actor> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The actor an authentication stands for, if it carries a user id. */
    public static Optional<Actor> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        UserId id = null;
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (granted instanceof UserIdAuthority carried) {
                id = carried.userId();
                continue;
            }
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return id == null ? Optional.empty() : Optional.of(new Actor(id, roles));
    }

    /** The acting user, for endpoints that method security already limited to signed-in roles. */
    public static Actor required() {
        return current().orElseThrow(() -> new org.springframework.security.authentication
                .AuthenticationCredentialsNotFoundException("no signed-in user"));
    }

    /** What the host's user service grants this person at sign-in, so that {@link #of} reads them back. */
    public List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        authorities.add(new UserIdAuthority(userId));
        return List.copyOf(authorities);
    }

    /** The acting person as the journal's entries record them. */
    public String journalActor() {
        return userId.journalActor();
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

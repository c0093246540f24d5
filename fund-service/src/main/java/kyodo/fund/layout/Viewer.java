package kyodo.fund.layout;

import kyodo.fund.access.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is looking at a page: the principal name, the name people know them by, and the {@link Role}s the security
 * chain granted them. Templates ask by role name ({@code viewer.is('STAFF')}). A visitor who did not sign in has
 * no name and no roles.
 *
 * @param name        the principal name, or null for a visitor
 * @param displayName the name the header shows, or null for a visitor
 * @param roles       the roles granted at sign-in
 */
public record Viewer(String name, String displayName, Set<Role> roles) {
    /** The role the header names when a user holds several, the one with the widest duties first. */
    static final List<Role> ROLE_PRECEDENCE = List.of(Role.ADMIN, Role.STAFF, Role.AUDITOR, Role.COMMITTEE,
            Role.GROUP_COORDINATOR, Role.MERCHANT, Role.DONOR, Role.RESIDENT);

    public static final Viewer VISITOR = new Viewer(null, null, Set.of());

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The viewer of a request, from its authentication; display names come from {@code names}. */
    static Viewer of(Authentication authentication, DisplayNames names) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            return VISITOR;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        String name = authentication.getName();
        return new Viewer(name, names.of(name).orElse(name), roles);
    }

    public boolean signedIn() {
        return name != null;
    }

    /** Whether the viewer holds the role named {@code role} (a {@link Role} name; any other name is never held). */
    public boolean is(String role) {
        return roles.stream().anyMatch(held -> held.name().equals(role));
    }

    public boolean isAny(String... wanted) {
        for (String role : wanted) {
            if (is(role)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the role the header names (see {@link #ROLE_PRECEDENCE}), or null for a visitor. */
    public String role() {
        return ROLE_PRECEDENCE.stream().filter(roles::contains).map(Role::name).findFirst().orElse(null);
    }
}

package kyodo.fund.access;

import org.springframework.security.core.GrantedAuthority;

/**
 * The signed-in person's {@link UserId}, carried among the authentication's authorities. Password and passkey
 * sign-in both copy the authorities the host's user service gives, while their principals differ (a
 * {@code UserDetails}, a passkey's user entity), so this is the one place both carry the id; {@link Actor#current()}
 * reads it back. It grants nothing: no rule asks for its authority string.
 */
public record UserIdAuthority(UserId userId) implements GrantedAuthority {
    private static final String PREFIX = "KYODO_USER_ID_";

    public UserIdAuthority {
        if (userId == null) {
            throw new IllegalArgumentException("userId is required");
        }
    }

    @Override
    public String getAuthority() {
        return PREFIX + userId.value();
    }
}

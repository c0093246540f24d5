package kyodo.wallet.security;

import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Users as Spring Security sees them: username and password hash for signing in, and as authorities the one role
 * and the user's id ({@link kyodo.fund.access.Actor#authorities()}). Password and passkey sign-in both take the
 * authorities from here, so every signed-in request carries the id that the application and the fund record.
 */
@Component
class SignInUsers implements UserDetailsService {
    private final Users users;

    SignInUsers(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > User.USERNAME_LENGTH_MAX) {
            throw new UsernameNotFoundException("no such user");
        }
        User user = users.findByUsername(name).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return org.springframework.security.core.userdetails.User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(user.actor().authorities())
                .disabled(!user.enabled())
                .build();
    }
}

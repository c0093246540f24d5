package kyodo.wallet.security;

import kyodo.wallet.user.Role;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Users as Spring Security sees them: username, password hash, one role (and its name in the fund module). */
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
                .authorities(authorities(user.role()))
                .disabled(!user.enabled())
                .build();
    }

    /**
     * {@code ROLE_<role>}; a coordinator is also {@code ROLE_GROUP_COORDINATOR}, the name fund-service's method
     * security uses for the same people (it is a module of its own and names roles as the fund's documents do).
     */
    static List<SimpleGrantedAuthority> authorities(Role role) {
        SimpleGrantedAuthority own = new SimpleGrantedAuthority(role.authority());
        return role == Role.COORDINATOR
                ? List.of(own, new SimpleGrantedAuthority(kyodo.fund.access.Role.GROUP_COORDINATOR.authority()))
                : List.of(own);
    }
}

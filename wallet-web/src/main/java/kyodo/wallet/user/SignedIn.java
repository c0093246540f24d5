package kyodo.wallet.user;

import kyodo.fund.access.Actor;
import kyodo.fund.access.UserId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user behind a request, by the id sign-in put among the authentication's authorities (a password sign-in
 * and a passkey sign-in both carry it, see {@code SignInUsers}), and the merchant they own.
 */
@Component
public class SignedIn {
    private final Users users;
    private final Merchants merchants;

    public SignedIn(Users users, Merchants merchants) {
        this.users = users;
        this.merchants = merchants;
    }

    public User user(Authentication authentication) {
        return users.findById(userId(authentication))
                .orElseThrow(() -> new AccessDeniedException("no such user"));
    }

    /** The signed-in user's id, as sign-in recorded it: no database read. */
    public UserId userId(Authentication authentication) {
        return Actor.of(authentication).map(Actor::userId)
                .orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    public Merchant merchant(Authentication authentication) {
        return merchants.findByOwnerId(userId(authentication))
                .orElseThrow(() -> new AccessDeniedException("no shop"));
    }
}

package kyodo.wallet.user;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user behind a request, by the authenticated name (a password sign-in and a passkey sign-in both carry the
 * username), and the merchant they own.
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
        if (authentication == null) {
            throw new AccessDeniedException("not signed in");
        }
        return users.findByUsername(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("no such user"));
    }

    public Merchant merchant(Authentication authentication) {
        User user = user(authentication);
        return merchants.findByOwnerId(user.id()).orElseThrow(() -> new AccessDeniedException("no shop"));
    }
}

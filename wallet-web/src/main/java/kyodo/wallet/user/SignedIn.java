package kyodo.wallet.user;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user behind a request, by the authenticated name (a password sign-in and a passkey sign-in both carry the
 * username), and the merchant they own.
 */
@Component
public class SignedIn {
    private final Users users;
    private final Merchants merchants;
    /**
     * Username to id, for the paths that need only the id (paying). A username names one user for ever: users are
     * neither renamed nor deleted, so an entry never goes stale, and there is one per user at most.
     */
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

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

    /** The signed-in user's id, read from the database once per user. */
    public long userId(Authentication authentication) {
        if (authentication == null) {
            throw new AccessDeniedException("not signed in");
        }
        Long known = ids.get(authentication.getName());
        if (known != null) {
            return known;
        }
        long id = user(authentication).id();
        ids.put(authentication.getName(), id);
        return id;
    }

    public Merchant merchant(Authentication authentication) {
        User user = user(authentication);
        return merchants.findByOwnerId(user.id()).orElseThrow(() -> new AccessDeniedException("no shop"));
    }
}

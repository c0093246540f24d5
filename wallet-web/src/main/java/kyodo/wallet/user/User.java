package kyodo.wallet.user;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.Set;

/** A person who signs in. The password is only ever held as a hash. */
@Table("app_user")
public record User(@Id UserId id, String username, String displayName, String passwordHash, Role role,
                   boolean enabled, Instant createdAt, @Version Long version) {
    public static final int USERNAME_LENGTH_MIN = 3;
    public static final int USERNAME_LENGTH_MAX = 64;
    public static final int DISPLAY_NAME_LENGTH_MAX = 100;
    public static final int PASSWORD_LENGTH_MIN = 10;
    public static final int PASSWORD_LENGTH_MAX = 128;

    public static User create(String username, String displayName, String passwordHash, Role role, Instant now) {
        return new User(null, username, displayName, passwordHash, role, true, now, null);
    }

    /** The id everything that records this person stores (the row's id; usernames are for signing in). */
    public UserId userId() {
        if (id == null) {
            throw new IllegalStateException("user " + username + " is not saved yet");
        }
        return id;
    }

    /** This person acting with their role, as the fund and the security chain see them. */
    public Actor actor() {
        return new Actor(userId(), Set.of(role));
    }
}

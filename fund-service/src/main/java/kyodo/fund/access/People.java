package kyodo.fund.access;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The host application's users as the fund sees them. People are registered by the host (wallet-web keeps
 * {@code app_user}); the fund stores only their {@link UserId}s and asks here at its edges: to read a username a
 * person typed (a program's reviewers, a group's co-coordinators) and to show names on pages.
 */
public interface People {
    /** The user signing in as {@code username} (compared as sign-in compares it), if there is one. */
    Optional<Person> byUsername(String username);

    /** Those of {@code ids} that exist, by id. */
    Map<UserId, Person> byIds(Collection<UserId> ids);

    /** The name to show for {@code id}: the display name, or the id itself for someone unknown. */
    default String nameOf(UserId id) {
        Person person = byIds(java.util.List.of(id)).get(id);
        return person == null ? "#" + id.value() : person.displayName();
    }
}

package kyodo.wallet.user;

import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.UserId;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fund's view of the ward's users ({@link People}), answered from {@code app_user}. */
@Component
class PeopleDirectory implements People {
    /** How many ids one look-up takes; a page never names more people than this. */
    static final int IDS_MAX = 1000;

    private final Users users;

    PeopleDirectory(Users users) {
        this.users = users;
    }

    @Override
    public Optional<Person> byUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > User.USERNAME_LENGTH_MAX) {
            return Optional.empty();
        }
        return users.findByUsername(name).map(PeopleDirectory::person);
    }

    @Override
    public Map<UserId, Person> byIds(Collection<UserId> ids) {
        if (ids.size() > IDS_MAX) {
            throw new IllegalArgumentException("at most " + IDS_MAX + " ids at once, was " + ids.size());
        }
        Map<UserId, Person> found = new LinkedHashMap<>();
        for (User user : users.findAllById(ids)) {
            found.put(user.userId(), person(user));
        }
        return found;
    }

    private static Person person(User user) {
        return new Person(user.userId(), user.username(), user.displayName(), user.role());
    }
}

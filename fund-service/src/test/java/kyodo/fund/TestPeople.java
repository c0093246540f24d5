package kyodo.fund;

import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The host's users for the fund's own tests, over the same {@code app_user} table wallet-web keeps (the fund's
 * tables refer to it). {@link #register} makes a user the way a host would before they sign in; look-ups answer
 * only users that exist, so a test can name someone unknown and see the refusal.
 */
public final class TestPeople implements People {
    private final JdbcClient jdbc;

    public TestPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user signing in as {@code username}, created with {@code role} (its display name is the username). */
    public UserId register(String username, Role role) {
        String name = username.toLowerCase(Locale.ROOT);
        jdbc.sql("""
                        insert into app_user (username, display_name, password_hash, role, created_at)
                        values (?, ?, '{noop}not-for-signing-in', ?, now()) on conflict (username) do nothing""")
                .params(name, name, role.name()).update();
        return byUsername(name).map(Person::id).orElseThrow();
    }

    @Override
    public Optional<Person> byUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return jdbc.sql("select id, username, display_name, role from app_user where username = ?").param(name)
                .query((rs, n) -> new Person(new UserId(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4))))
                .optional();
    }

    @Override
    public Map<UserId, Person> byIds(Collection<UserId> ids) {
        Map<UserId, Person> found = new LinkedHashMap<>();
        for (UserId id : ids) {
            jdbc.sql("select id, username, display_name, role from app_user where id = ?").param(id.value())
                    .query((rs, n) -> new Person(id, rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4))))
                    .optional()
                    .ifPresent(person -> found.put(id, person));
        }
        return found;
    }
}

package kyodo.fund;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;

/**
 * The fund module over MockMvc on one real, migrated PostgreSQL shared by the API test classes: they share one
 * Spring context (and so one ledger writer), which keeps the build fast on small machines. Tests create their
 * own donations, groups and programs, so they do not depend on each other.
 */
@SpringBootTest(classes = FundTestApplication.class)
@AutoConfigureMockMvc
public abstract class FundWebTest {
    private static final TestDatabase DATABASE = TestDatabase.create("fund_web");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("kyodo.fund.public-base-url", () -> "https://kyodo.example.jp/");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Ledger ledger;

    @Autowired
    protected TestPeople people;

    protected FundApi api() {
        return new FundApi(mvc);
    }

    /** A registered user acting with {@code role}, for calling the fund's services directly. */
    protected Actor actor(String username, Role role) {
        return new Actor(people.register(username, role), Set.of(role));
    }
}

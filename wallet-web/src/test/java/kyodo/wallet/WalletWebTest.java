package kyodo.wallet;

import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Role;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.earning.IssuanceBudget;
import kyodo.wallet.earning.Issuer;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole wallet application on one fresh PostgreSQL database, shared by the wallet's web test classes so that
 * they share one Spring context (this machine is small); each test makes its own people and shops. QR codes point
 * at https://kyodo.example and are signed with a key in a temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class WalletWebTest {
    protected static final String BASE_URL = "https://kyodo.example";
    protected static final String PASSWORD = "test-password-1";
    private static final TestDatabase DATABASE = TestDatabase.create("wallet_web");
    private static final Path KEYS = TestSetup.keysDirectory("kyodo-test-keys");
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Each fiscal year the tests issue in gets this budget once (far more than they issue). */
    protected static final long TEST_BUDGET = 90_000_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> BASE_URL);
        registry.add("kyodo.payments.rate-burst", () -> "1000");
        // tests run the expiry job themselves
        registry.add("kyodo.points.expiry-scheduled", () -> "false");
        // A checkpoint for every growth of the tree, so a test that catches the journal up can prove its entries.
        registry.add("kyodo.journal.checkpoint-entries", () -> "1");
        registry.add("kyodo.journal.keys-directory", () -> KEYS.resolve("journal").toString());
    }

    @Autowired
    protected Registrar registrar;
    @Autowired
    protected Users users;
    @Autowired
    protected Merchants merchants;
    @Autowired
    protected Wallets wallets;
    @Autowired
    protected Ledger ledger;
    @Autowired
    protected IssuanceBudget budget;
    @Autowired
    protected Issuer issuer;
    @Autowired
    protected Directory registry;

    /** A new resident with {@code points} issued to this month's vintage of their wallet. */
    protected User resident(long points) {
        String name = "resident" + NAMES.incrementAndGet();
        User user = registrar.signUpResident(name, "住民 " + name, PASSWORD).user();
        if (points > 0) {
            issue(WalletOwner.resident(user.id()), wallets.currentMonth(), points);
        }
        return user;
    }

    /** Issues {@code points} into the owner's vintage of {@code month}, through the issuance budget. */
    protected void issue(WalletOwner owner, YearMonth month, long points) {
        FiscalYear year = FiscalYear.containing(month.atDay(1));
        assertThat(budget.raise(year, TEST_BUDGET, "test", "test-budget").onTheBooks()).isTrue();
        assertThat(issuer.issueInto(owner, month, points,
                new EntryKey("test:issue:" + owner.accountCode() + ":" + month + ":" + NAMES.incrementAndGet()),
                EntryKind.ISSUE, "test", "test points", null).onTheBooks()).isTrue();
    }

    /** A new shop, approved by the demo staff member. */
    protected Merchant merchant() {
        String name = "shop" + NAMES.incrementAndGet();
        UserId staff = users.findByUsername("staff").orElseThrow().userId();
        return TestSetup.approvedShop(registrar, merchants, staff, name, PASSWORD, "テスト商店 " + name);
    }

    protected User owner(Merchant merchant) {
        return users.findById(merchant.ownerId()).orElseThrow();
    }

    protected String ownerName(Merchant merchant) {
        return users.findById(merchant.ownerId()).orElseThrow().username();
    }

    protected long balance(User resident) {
        return wallets.balance(WalletOwner.resident(resident.id())).available();
    }

    protected long balance(Merchant merchant) {
        return wallets.balance(WalletOwner.merchant(merchant.id())).available();
    }

    /** A new group coordinator, not yet coordinating any group. */
    protected User newCoordinator() {
        String name = "coordinator" + NAMES.incrementAndGet();
        return registrar.createUser(name, "コーディネーター " + name, PASSWORD, Role.GROUP_COORDINATOR).user();
    }

    /** A group of the registry that {@code coordinator} registered and the demo staff member verified. */
    protected Group verifiedGroup(User coordinator, String name) {
        Group group = registry.register(coordinator.actor(), new Directory.Registration(name, "VOLUNTARY", "代表 者",
                "contact@example.jp", Field.COMMUNITY.code(), "", List.of()));
        return registry.decide(demo("staff").actor(), group.id(), true, "規約と代表者の本人確認書類を確認");
    }

    /** A request signed in as {@code user}, with the authorities sign-in gives: the role and the user id. */
    protected static RequestPostProcessor signedIn(User user) {
        return TestSetup.signedIn(user);
    }

    /** A user of the demo data ({@code staff}, {@code staff2}, {@code admin}, {@code auditor} …). */
    protected User demo(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    /** Where this test run's QR signing key was created. */
    protected static Path keysDirectory() {
        return KEYS;
    }

}

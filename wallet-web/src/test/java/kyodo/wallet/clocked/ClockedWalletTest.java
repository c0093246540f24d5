package kyodo.wallet.clocked;

import kyodo.ledger.testing.MutableClock;
import kyodo.wallet.TestSetup;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Role;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.TestSetup;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.earning.IssuanceBudget;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on one fresh PostgreSQL database with a {@link MutableClock} (starting 2026-04-06 10:00 in
 * Tokyo), shared by the voucher and settlement test classes; each test makes its own shops and only moves the clock
 * forward. Demo data is off; a staff member is made here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class ClockedWalletTest {
    protected static final String PASSWORD = "test-password-1";
    protected static final MutableClock CLOCK = TestClockConfiguration.CLOCK;
    private static final TestDatabase DATABASE = TestDatabase.create("wallet_clocked");
    private static final Path KEYS = TestSetup.keysDirectory("kyodo-test-keys");
    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> "https://kyodo.example");
        registry.add("kyodo.demo.enabled", () -> "false");
        registry.add("kyodo.payments.rate-burst", () -> "100000");
        registry.add("kyodo.journal.checkpoint-interval", () -> "1h");
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
    protected IssuanceBudget issuanceBudget;

    protected User staff() {
        return users.findByUsername("clocked-staff").orElseGet(() ->
                registrar.createUser("clocked-staff", "職員", PASSWORD, Role.STAFF).user());
    }

    /** A new shop, approved by staff. */
    protected Merchant merchant() {
        return merchant("テスト商店 " + NAMES.incrementAndGet());
    }

    protected Merchant merchant(String shopName) {
        return TestSetup.approvedShop(registrar, merchants, staff().id(), "shop" + NAMES.incrementAndGet(), PASSWORD,
                shopName);
    }

    protected User owner(Merchant merchant) {
        return users.findById(merchant.ownerId()).orElseThrow();
    }

    /** A request signed in as {@code user}, with the authorities sign-in gives. */
    protected static org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(User user) {
        return kyodo.wallet.TestSetup.signedIn(user);
    }

    protected String ownerName(Merchant merchant) {
        return users.findById(merchant.ownerId()).orElseThrow().username();
    }

    /** Adds {@code points} to the fiscal year's issuance budget the way staff do ({@code BUDGET} entry). */
    protected void addBudget(int fiscalYear, long points) {
        assertThat(issuanceBudget.raise(new FiscalYear(fiscalYear), points, "test", QrCodes.nonce()).onTheBooks())
                .isTrue();
    }

    protected long balanceOf(String accountCode) {
        return ledger.account(accountCode).map(a -> a.balance().posted()).orElse(0L);
    }

}

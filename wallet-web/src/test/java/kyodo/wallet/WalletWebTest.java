package kyodo.wallet;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.Ledger;
import kyodo.ledger.testing.TestDatabase;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.Role;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path KEYS = temporaryDirectory();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kyodo.db.url", DATABASE::url);
        registry.add("kyodo.db.user", DATABASE::user);
        registry.add("kyodo.db.password", DATABASE::password);
        registry.add("kyodo.qr.key-directory", KEYS::toString);
        registry.add("kyodo.qr.base-url", () -> BASE_URL);
        registry.add("kyodo.payments.rate-burst", () -> "1000");
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

    /** A new resident with {@code points} issued to their wallet. */
    protected User resident(long points) {
        String name = "resident" + NAMES.incrementAndGet();
        User user = registrar.signUpResident(name, "住民 " + name, PASSWORD).user();
        if (points > 0) {
            AccountId wallet = wallets.find(WalletOwner.resident(user.id())).orElseThrow();
            assertThat(ledger.post(EntryRequest.of("test:issue:" + user.id(), EntryKind.ISSUE, "test",
                    Leg.transfer(wallets.issuance(), wallet, Amount.pt(points)))).onTheBooks()).isTrue();
        }
        return user;
    }

    /** A new shop, approved by the demo staff member. */
    protected Merchant merchant() {
        String name = "shop" + NAMES.incrementAndGet();
        User owner = registrar.signUpMerchant(name, "店主 " + name, PASSWORD, "テスト商店 " + name).user();
        Merchant merchant = merchants.findByOwnerId(owner.id()).orElseThrow();
        long staff = users.findByUsername("staff").orElseThrow().id();
        assertThat(registrar.approve(merchant.id(), staff)).isEmpty();
        return merchants.findById(merchant.id()).orElseThrow();
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

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kyodo-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package kyodo.wallet.user;

import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.ledger.DisplayText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Signs people up and approves merchants. Residents can pay as soon as they sign up; a merchant's shop takes
 * payments only after a staff member (not its owner) approves it.
 */
@Component
public class Registrar {
    /** Lower-case letters, digits and {@code . _ -}; an e-mail address also fits. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,63}");

    private final Users users;
    private final Merchants merchants;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Registrar(Users users, Merchants merchants, PasswordEncoder passwords,
                     ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.merchants = merchants;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The new user, or why not. */
    public record SignedUp(User user, SignUpError error) {
        public boolean ok() {
            return error == null;
        }
    }

    public SignedUp signUpResident(String username, String displayName, String password) {
        return createUser(username, displayName, password, Role.RESIDENT);
    }

    /** A merchant's owner account and the shop, waiting for approval. */
    public SignedUp signUpMerchant(String username, String displayName, String password, String shopName) {
        String shop = shopName == null ? "" : shopName.strip();
        if (shop.isEmpty() || shop.length() > Merchant.NAME_LENGTH_MAX || !DisplayText.name(shop)) {
            return new SignedUp(null, SignUpError.SHOP_NAME_INVALID);
        }
        return create(username, displayName, password, Role.MERCHANT,
                user -> merchants.save(Merchant.apply(user.userId(), shop, clock.instant())));
    }

    /** Any other role; for staff tools and demo data. */
    public SignedUp createUser(String username, String displayName, String password, Role role) {
        return create(username, displayName, password, role, user -> {
        });
    }

    /**
     * Checks the form, hashes the password (slow on purpose, so before any connection is taken), saves the user
     * and what comes with it in one short transaction, and only then opens a resident's wallet: opening takes a
     * pooled connection of its own, and a sign-up holding one while waiting for another stalled the pool when
     * enough residents signed up at once. A crash between the two leaves a resident whose wallet opens on
     * first use (vintage accounts open as points arrive), never a half-saved user.
     */
    private SignedUp create(String username, String displayName, String password, Role role,
                            Consumer<User> alongside) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            return new SignedUp(null, SignUpError.USERNAME_INVALID);
        }
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > User.DISPLAY_NAME_LENGTH_MAX || !DisplayText.name(display)) {
            return new SignedUp(null, SignUpError.DISPLAY_NAME_INVALID);
        }
        if (password == null || password.length() < User.PASSWORD_LENGTH_MIN) {
            return new SignedUp(null, SignUpError.PASSWORD_TOO_SHORT);
        }
        if (password.length() > User.PASSWORD_LENGTH_MAX) {
            return new SignedUp(null, SignUpError.PASSWORD_TOO_LONG);
        }
        if (users.existsByUsername(name)) {
            return new SignedUp(null, SignUpError.USERNAME_TAKEN);
        }
        String hash = passwords.encode(password);
        User saved;
        try {
            saved = transactions.execute(status -> {
                User user = users.save(User.create(name, display, hash, role, clock.instant()));
                alongside.accept(user);
                return user;
            });
        } catch (DuplicateKeyException e) {
            // the same name taken by a concurrent sign-up between the check above and the insert
            return new SignedUp(null, SignUpError.USERNAME_TAKEN);
        }
        if (role == Role.RESIDENT) {
            // every resident has a wallet, however the account was made (sign-up, staff tools, demo data)
            events.publishEvent(new ResidentSignedUp(saved.userId()));
        }
        return new SignedUp(saved, null);
    }

    /** Staff approve a pending merchant; the shop's wallet opens once the approval is saved. */
    public Optional<SignUpError> approve(MerchantId merchantId, UserId staffId) {
        Optional<SignUpError> refused = transactions.execute(status -> approveInTransaction(merchantId, staffId));
        if (refused.isEmpty()) {
            events.publishEvent(new MerchantApproved(merchantId, staffId));
        }
        return refused;
    }

    private Optional<SignUpError> approveInTransaction(MerchantId merchantId, UserId staffId) {
        Optional<Merchant> merchant = merchants.findById(merchantId);
        if (merchant.isEmpty()) {
            return Optional.of(SignUpError.MERCHANT_NOT_FOUND);
        }
        if (merchant.get().approved()) {
            return Optional.of(SignUpError.ALREADY_APPROVED);
        }
        if (merchant.get().ownerId().equals(staffId)) {
            return Optional.of(SignUpError.OWN_SHOP);
        }
        merchants.save(merchant.get().approvedBy(staffId));
        return Optional.empty();
    }
}

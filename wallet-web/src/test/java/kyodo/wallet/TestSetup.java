package kyodo.wallet;

import kyodo.fund.access.UserId;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Set-up that the wallet's test bases, the simulation and the benchmarks share. */
public final class TestSetup {
    private TestSetup() {
    }

    /** A fresh directory for signing keys, so that no test touches the developer's own {@code .kyodo/keys}. */
    public static Path keysDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request signed in as {@code user}, with the authorities sign-in gives: the role and the user id. */
    public static RequestPostProcessor signedIn(User user) {
        return SecurityMockMvcRequestPostProcessors.user(user.username()).authorities(user.actor().authorities());
    }

    /** Signs up the owner {@code username} with the shop {@code shopName}, which {@code staffId} approves. */
    public static Merchant approvedShop(Registrar registrar, Merchants merchants, UserId staffId, String username,
                                        String password, String shopName) {
        User owner = registrar.signUpMerchant(username, "店主 " + username, password, shopName).user();
        Merchant shop = merchants.findByOwnerId(owner.id()).orElseThrow();
        if (registrar.approve(shop.id(), staffId).isPresent()) {
            throw new IllegalStateException("shop " + shopName + " was not approved");
        }
        return merchants.findById(shop.id()).orElseThrow();
    }
}

package kyodo.wallet;

import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.Merchants;
import kyodo.wallet.user.Registrar;
import kyodo.wallet.user.User;

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

    /** Signs up the owner {@code username} with the shop {@code shopName}, which {@code staffId} approves. */
    public static Merchant approvedShop(Registrar registrar, Merchants merchants, long staffId, String username,
                                        String password, String shopName) {
        User owner = registrar.signUpMerchant(username, "店主 " + username, password, shopName).user();
        Merchant shop = merchants.findByOwnerId(owner.id()).orElseThrow();
        if (registrar.approve(shop.id(), staffId).isPresent()) {
            throw new IllegalStateException("shop " + shopName + " was not approved");
        }
        return merchants.findById(shop.id()).orElseThrow();
    }
}

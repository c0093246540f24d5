package kyodo.wallet.account;

import kyodo.fund.directory.GroupRegistered;
import kyodo.wallet.user.MerchantApproved;
import kyodo.wallet.user.ResidentSignedUp;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens a wallet as soon as its holder exists: a resident at sign-up, a merchant at approval, a group at
 * registration. A resident's or group's wallet starts as the current month's vintage account.
 */
@Component
class WalletOpener {
    private final Wallets wallets;

    WalletOpener(Wallets wallets) {
        this.wallets = wallets;
    }

    @EventListener
    void on(ResidentSignedUp event) {
        wallets.open(WalletOwner.resident(event.userId()));
    }

    @EventListener
    void on(MerchantApproved event) {
        wallets.open(WalletOwner.merchant(event.merchantId()));
    }

    /** A group of the registry (fund-service's directory) gets its points wallet when it registers. */
    @EventListener
    void on(GroupRegistered event) {
        wallets.open(WalletOwner.group(event.group()));
    }
}

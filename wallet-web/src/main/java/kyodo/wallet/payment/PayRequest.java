package kyodo.wallet.payment;

import kyodo.wallet.qr.MerchantQr;
import kyodo.wallet.user.Merchant;

/** A merchant QR that checked out, ready to show the resident before they confirm: whom and how much. */
public record PayRequest(MerchantQr qr, Merchant merchant, PaymentError error) {
    public boolean ok() {
        return error == null;
    }
}

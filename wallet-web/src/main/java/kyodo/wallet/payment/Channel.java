package kyodo.wallet.payment;

/** How a payment was made. */
public enum Channel {
    /** The resident scanned the merchant's QR and confirmed. */
    MERCHANT_QR,
    /** The merchant scanned the resident's on-screen token. */
    CONSUMER_QR,
    /** A group's coordinator paid from the group's wallet on the group's wallet page. */
    GROUP_WALLET
}

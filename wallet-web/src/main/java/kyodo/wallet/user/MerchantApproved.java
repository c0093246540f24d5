package kyodo.wallet.user;

/** Staff approved a merchant; it can take payments from now on. */
public record MerchantApproved(long merchantId, long staffId) {
}

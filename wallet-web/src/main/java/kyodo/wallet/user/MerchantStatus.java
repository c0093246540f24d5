package kyodo.wallet.user;

/** A merchant takes payments only once staff have approved it. */
public enum MerchantStatus {
    PENDING, APPROVED, SUSPENDED
}

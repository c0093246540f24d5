package kyodo.wallet.voucher;

/** A voucher leaves OUTSTANDING once, for one of the other two; the database refuses any other change. */
public enum VoucherState {
    OUTSTANDING, REDEEMED, EXPIRED
}

package kyodo.wallet.voucher;

import kyodo.fund.problem.Rejection;

/** Why a voucher was not issued or redeemed; an HTTP status for the API and a message {@code voucher.error.<name>}. */
public enum VoucherError implements Rejection {
    DENOMINATION_INVALID(400),
    COUNT_INVALID(400),
    EXPIRY_INVALID(400),
    EXPIRY_NOT_IN_FUTURE(400),
    EXPIRY_TOO_FAR(400),
    INTENT_INVALID(400),
    NO_BUDGET(409),
    BUDGET_EXCEEDED(409),
    BATCH_NOT_FOUND(404),
    MERCHANT_NOT_FOUND(404),
    MERCHANT_NOT_APPROVED(409),
    VOUCHER_MISSING(400),
    /** Neither a voucher QR nor a serial whose check character is right. */
    VOUCHER_MALFORMED(400),
    /** A QR whose signature is not ours, or whose signed content differs from the voucher we issued. */
    VOUCHER_FORGED(400),
    VOUCHER_UNKNOWN(404),
    VOUCHER_EXPIRED(409),
    VOUCHER_ALREADY_REDEEMED(409),
    PHOTO_UNREADABLE(400),
    LEDGER_REFUSED(409);

    private final int status;

    VoucherError(int status) {
        this.status = status;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "voucher.error." + name();
    }
}

package kyodo.wallet.payment;

import kyodo.fund.problem.Rejection;

/**
 * Why a payment, charge, transfer or refund did not happen. Each has an HTTP status for the API and a message
 * in Japanese and English under {@code error.<name>}.
 */
public enum PaymentError implements Rejection {
    AMOUNT_MISSING(400),
    AMOUNT_NOT_A_NUMBER(400),
    AMOUNT_NOT_POSITIVE(400),
    AMOUNT_OVER_LIMIT(400),
    AMOUNT_DIFFERS_FROM_QR(400),
    QR_MALFORMED(400),
    QR_BAD_SIGNATURE(400),
    QR_EXPIRED(400),
    QR_WRONG_KIND(400),
    QR_CRC_MISMATCH(400),
    QR_NOT_A_KYODO_MERCHANT(400),
    TOKEN_ALREADY_USED(409),
    MERCHANT_NOT_FOUND(404),
    MERCHANT_NOT_APPROVED(409),
    RECIPIENT_NOT_FOUND(404),
    PAYER_NOT_FOUND(404),
    SAME_WALLET(400),
    NOTE_TOO_LONG(400),
    NOTE_INVALID(400),
    INSUFFICIENT_FUNDS(409),
    SALE_NOT_FOUND(404),
    REFUND_EXCEEDS_SALE(409),
    REFUND_PERIOD_OVER(409),
    RATE_LIMITED(429),
    NOT_ALLOWED(403),
    LEDGER_REFUSED(409);

    private final int status;

    PaymentError(int status) {
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
        return "error." + name();
    }

    static PaymentError of(kyodo.wallet.qr.TokenRejection rejection) {
        return valueOf("QR_" + rejection.name());
    }
}

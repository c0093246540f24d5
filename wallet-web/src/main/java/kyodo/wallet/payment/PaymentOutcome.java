package kyodo.wallet.payment;

/**
 * What became of a payment: the sale, or the error. {@code repeated} says the same request had already been
 * posted (a double tap or a retry) and nothing moved twice.
 */
public record PaymentOutcome(Payment payment, PaymentError error, boolean repeated) {
    public static PaymentOutcome failed(PaymentError error) {
        return new PaymentOutcome(null, error, false);
    }

    public boolean ok() {
        return error == null;
    }
}

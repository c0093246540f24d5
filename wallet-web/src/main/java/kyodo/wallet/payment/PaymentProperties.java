package kyodo.wallet.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyodo.payments.*}: for how many days a sale can be refunded, and each payer's rate limit (a burst of
 * {@code rateBurst} payments, then {@code ratePerSecond}).
 */
@ConfigurationProperties("kyodo.payments")
public record PaymentProperties(@DefaultValue("30") int refundDays, @DefaultValue("20") int rateBurst,
                                @DefaultValue("5") double ratePerSecond) {
    public static final int REFUND_DAYS_MAX = 366;

    public PaymentProperties {
        if (refundDays < 0 || refundDays > REFUND_DAYS_MAX) {
            throw new IllegalArgumentException("kyodo.payments.refund-days must be 0.." + REFUND_DAYS_MAX
                    + ", was " + refundDays);
        }
    }
}

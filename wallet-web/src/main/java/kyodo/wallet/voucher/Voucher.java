package kyodo.wallet.voucher;

import kyodo.wallet.user.MerchantId;

import java.time.Instant;
import java.time.LocalDate;

/** One paper voucher and where it is: outstanding, redeemed by a merchant, or expired. */
public record Voucher(VoucherSerial serial, long batchId, long amount, LocalDate expiresOn, VoucherState state,
                     MerchantId merchantId, Instant settledAt, String entryKey, boolean posted) {
}

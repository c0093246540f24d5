package kyodo.wallet.voucher;

import kyodo.fund.access.UserId;

import java.time.Instant;
import java.time.LocalDate;

/** Vouchers issued together by one staff member: {@code count} vouchers of {@code denomination} points each. */
public record VoucherBatch(long id, long denomination, int count, LocalDate expiresOn, int fiscalYear,
                           String entryKey, UserId issuedBy, Instant createdAt) {
    public long total() {
        return Math.multiplyExact(denomination, (long) count);
    }
}

package kyodo.wallet.settlement;

import kyodo.fund.access.UserId;
import kyodo.wallet.user.MerchantId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One merchant's settlement of one month: the points retired, the yen owed for them at the rate of the day, and
 * whether the yen were paid. {@code posted} and {@code paidPosted} say the ledger entries are known to be on the books.
 */
public record Settlement(long id, MerchantId merchantId, LocalDate monthStart, long points, long yen, String rate,
                         String entryKey, boolean posted, SettlementState state, String paidEntryKey,
                         boolean paidPosted, UserId paidBy, Instant paidAt, Instant createdAt) {
    public YearMonth month() {
        return YearMonth.from(monthStart);
    }
}

package kyodo.wallet.account;

import java.time.LocalDate;
import java.util.List;

/**
 * A wallet's balance now: for residents and groups the sum of their unexpired vintages (points past their expiry
 * are not spendable from that instant, even before the expiry job sweeps them).
 *
 * @param expiring per unexpired vintage holding points, oldest first: how much expires on which day
 */
public record WalletBalance(long posted, long available, long pendingIn, long pendingOut, List<Expiring> expiring) {
    public WalletBalance {
        expiring = List.copyOf(expiring);
    }

    /** {@code points} can be spent until the end of {@code lastDay} (Asia/Tokyo). */
    public record Expiring(long points, LocalDate lastDay) {
    }

    /** Points that expire on or before {@code day}. */
    public long expiringBy(LocalDate day) {
        long sum = 0;
        for (Expiring e : expiring) {
            if (!e.lastDay().isAfter(day)) {
                sum = Math.addExact(sum, e.points());
            }
        }
        return sum;
    }
}

package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.ledger.EntryKey;
import kyodo.ledger.PendingId;

import java.time.Instant;

/**
 * An award: {@code amount} committed on the books from {@code designation}. {@code hold} names the pending leg
 * that holds the {@code remaining} money still to be paid; it moves to each disbursement's entry.
 */
public record Award(AwardId id, ApplicationId application, ProgramId program, long amount, Designation designation,
                    String awardKey, PendingId hold, long remaining, long disbursed, Status status, UserId decidedBy,
                    Instant decidedAt) {
    public enum Status { ACTIVE, CLOSED }

    public static String keyFor(ApplicationId application) {
        return "fund-award-" + application.value();
    }

    public String releaseKey() {
        return "fund-award-" + application.value() + "-release";
    }

    static PendingId hold(String key, Integer leg) {
        return key == null ? null : new PendingId(new EntryKey(key), leg);
    }
}

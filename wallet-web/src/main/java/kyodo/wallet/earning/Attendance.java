package kyodo.wallet.earning;

import kyodo.fund.access.UserId;

import java.time.Instant;

/** Confirmed hours of one resident at one activity, and the points they issued. */
public record Attendance(long activityId, UserId residentId, int minutes, long points, String month, String status,
                         String entryKey, UserId confirmedBy, Instant confirmedAt, String correctionReason) {
    public boolean corrected() {
        return "CORRECTED".equals(status);
    }
}

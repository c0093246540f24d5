package kyodo.wallet.earning;

import kyodo.fund.access.UserId;

import java.time.Instant;

/**
 * A resident signed up for an activity, with their check-in and check-out if they scanned the QR, and their
 * confirmed hours once the coordinator confirmed them.
 */
public record SignUp(long activityId, UserId residentId, String residentName, Instant signedUpAt, Instant checkedIn,
                     Instant checkedOut, Attendance attendance) {
    /** Hours suggested from the check-in and check-out (quarter hours, at least one quarter), in minutes; 0 if none. */
    public int suggestedMinutes(int activityMinutes) {
        if (checkedIn == null || checkedOut == null) {
            return 0;
        }
        long minutes = java.time.Duration.between(checkedIn, checkedOut).toMinutes();
        long quarters = (minutes + HoursInput.MINUTES_STEP / 2) / HoursInput.MINUTES_STEP;
        long rounded = Math.max(HoursInput.MINUTES_STEP, quarters * HoursInput.MINUTES_STEP);
        return (int) Math.min(rounded, activityMinutes);
    }
}

package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;

import java.time.Duration;
import java.time.Instant;

/** A volunteer activity a verified group posted. */
public record Activity(long id, GroupId groupId, String groupName, String title, String description, String place,
                       Instant startsAt, Instant endsAt, int slots, int signedUp, long pointsPerHour,
                       UserId createdBy) {
    public static final int TITLE_LENGTH_MAX = 100;
    public static final int DESCRIPTION_LENGTH_MAX = 2000;
    public static final int PLACE_LENGTH_MAX = 200;
    public static final int SLOTS_MAX = 1000;
    public static final long POINTS_PER_HOUR_MAX = 10_000;
    public static final Duration DURATION_MAX = Duration.ofHours(24);

    public int minutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    public boolean full() {
        return signedUp >= slots;
    }

    public boolean over(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Points for {@code minutes} at this activity's rate, rounded down to whole points. */
    public long pointsFor(int minutes) {
        return Math.multiplyExact(pointsPerHour, minutes) / 60;
    }
}

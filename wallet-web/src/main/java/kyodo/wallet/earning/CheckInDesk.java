package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.wallet.qr.Opened;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrProperties;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.qr.TokenSeal;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-in and check-out by the activity's QR. The coordinator's screen shows a short-lived token signed with the
 * application's QR key (Ed25519), renewed every {@link #ROTATE_SECONDS}; it is an https URL, so a phone camera
 * opens the check-in page. A resident's first scan checks in, the next checks out; each direction counts once
 * (the database's primary key says so too). The two times suggest the hours the coordinator then confirms.
 */
@Component
public class CheckInDesk {
    public static final String PATH = "/activities/check";
    public static final Duration QR_VALIDITY = Duration.ofSeconds(90);
    public static final int ROTATE_SECONDS = 45;
    private static final String TAG = "kyodo-checkin";
    private static final Pattern PAYLOAD = Pattern.compile(TAG + "\\|([0-9]{1,18})\\|([0-9]{1,12})\\|[A-Za-z0-9_-]{16,32}");

    public enum Direction { IN, OUT }

    private final TokenSeal seal;
    private final QrProperties qr;
    private final Activities activities;
    private final Clock clock;

    public CheckInDesk(SigningKey key, QrProperties qr, Activities activities, Clock clock) {
        this.seal = new TokenSeal(key);
        this.qr = qr;
        this.activities = activities;
        this.clock = clock;
    }

    /** A fresh check-in URL for the activity's screen. */
    public String url(Activity activity) {
        return qr.baseUrl() + PATH + "?t=" + token(activity.id(), clock.instant().plus(QR_VALIDITY));
    }

    String token(long activityId, Instant expires) {
        return seal.seal(TAG + "|" + activityId + "|" + expires.getEpochSecond() + "|" + QrCodes.nonce());
    }

    /** The activity a scanned token names, if the token is ours and current. */
    public Outcome<Activity> open(String token) {
        Opened<String> payload = seal.open(token);
        if (!payload.ok()) {
            return Outcome.refused(switch (payload.rejection()) {
                case BAD_SIGNATURE -> EarningError.QR_BAD_SIGNATURE;
                default -> EarningError.QR_MALFORMED;
            });
        }
        Matcher m = PAYLOAD.matcher(payload.value());
        if (!m.matches()) {
            return Outcome.refused(EarningError.QR_MALFORMED);
        }
        if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(m.group(2))))) {
            return Outcome.refused(EarningError.QR_EXPIRED);
        }
        Optional<Activity> activity = activities.find(Long.parseLong(m.group(1)));
        return activity.map(Outcome::of).orElseGet(() -> Outcome.refused(EarningError.ACTIVITY_NOT_FOUND));
    }

    /** What the resident's next scan of this activity's QR would do, or why it cannot. */
    public Outcome<Direction> next(UserId residentId, Activity activity) {
        if (!activities.signedUp(activity.id(), residentId)) {
            return Outcome.refused(EarningError.NOT_SIGNED_UP);
        }
        if (activities.checkedAt(activity.id(), residentId, "IN").isEmpty()) {
            return Outcome.of(Direction.IN);
        }
        if (activities.checkedAt(activity.id(), residentId, "OUT").isEmpty()) {
            return Outcome.of(Direction.OUT);
        }
        return Outcome.refused(EarningError.ALREADY_CHECKED_OUT);
    }

    /** The resident scans: checks in, or out when already in. */
    public Outcome<Direction> check(UserId residentId, String token) {
        Outcome<Activity> activity = open(token);
        if (!activity.ok()) {
            return Outcome.refused(activity.error());
        }
        Outcome<Direction> next = next(residentId, activity.value());
        if (!next.ok()) {
            return next;
        }
        try {
            if (!activities.check(activity.value().id(), residentId, next.value().name(), clock.instant())) {
                return Outcome.refused(next.value() == Direction.IN ? EarningError.ALREADY_CHECKED_IN
                        : EarningError.ALREADY_CHECKED_OUT);
            }
        } catch (DataAccessException e) {
            // the database refused a check-out without a check-in (KY203)
            return Outcome.refused(EarningError.NOT_CHECKED_IN);
        }
        return next;
    }
}

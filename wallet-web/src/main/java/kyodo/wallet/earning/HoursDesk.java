package kyodo.wallet.earning;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Role;
import kyodo.ledger.EntryKey;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import kyodo.wallet.account.Spender;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Confirms volunteer hours and issues their points; staff correct them. Confirming writes the attendance row and
 * posts the issuance in one database transaction: the row's triggers check the daily hours and monthly points
 * caps under a per-resident lock held until the issuance is on the books, and a refused issuance (the budget is
 * spent) rolls the row back, so nothing is half done. The issuance key names the activity and the resident, so a
 * retry issues once.
 */
@Component
public class HoursDesk {
    public static final int REASON_LENGTH_MAX = 280;

    private final ActivityBoard board;
    private final Activities activities;
    private final IssuanceRules rules;
    private final Issuer issuer;
    private final IssuanceBudget budget;
    private final Spender spender;
    private final Users users;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;

    public HoursDesk(ActivityBoard board, Activities activities, IssuanceRules rules, Issuer issuer,
                     IssuanceBudget budget, Spender spender, Users users,
                     TransactionTemplate transactions, Clock clock, JsonMapper json) {
        this.board = board;
        this.activities = activities;
        this.rules = rules;
        this.issuer = issuer;
        this.budget = budget;
        this.spender = spender;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /** What the books keep with an issue: which activity, whose hours, how many minutes. */
    @JsonPropertyOrder({"activity", "resident", "minutes"})
    record IssueMetadata(long activity, long resident, int minutes) {
    }

    public static String issueKey(long activityId, UserId residentId) {
        return "issue:activity:" + activityId + ":resident:" + residentId.value();
    }

    /** A coordinator of the activity's group confirms {@code hours} for a resident who signed up. */
    public Outcome<Attendance> confirm(User coordinator, long activityId, UserId residentId, String hours) {
        Outcome<Activity> coordinated = board.coordinated(coordinator, activityId);
        if (!coordinated.ok()) {
            return Outcome.refused(coordinated.error());
        }
        Activity activity = coordinated.value();
        if (users.findById(residentId).filter(u -> u.role() == Role.RESIDENT).isEmpty()) {
            return Outcome.refused(EarningError.RESIDENT_NOT_FOUND);
        }
        HoursInput.Parsed parsed = HoursInput.parse(hours);
        if (!parsed.ok()) {
            return Outcome.refused(parsed.error());
        }
        int minutes = parsed.minutes();
        if (minutes > activity.minutes()) {
            return Outcome.refused(EarningError.HOURS_LONGER_THAN_ACTIVITY);
        }
        Instant now = clock.instant();
        if (!activity.over(now)) {
            return Outcome.refused(EarningError.ACTIVITY_NOT_OVER);
        }
        if (!activities.signedUp(activityId, residentId)) {
            return Outcome.refused(EarningError.NOT_SIGNED_UP);
        }
        if (activities.attendance(activityId, residentId).isPresent()) {
            return Outcome.refused(EarningError.ALREADY_CONFIRMED);
        }
        IssuanceRules.Rules in = rules.current();
        LocalDate day = BusinessCalendar.dayOf(activity.startsAt());
        if (activities.minutesOn(residentId, day) + minutes
                > Math.min(in.minutesPerDayMax(), HoursInput.MINUTES_PER_DAY_MAX)) {
            return Outcome.refused(EarningError.DAY_CAP_EXCEEDED);
        }
        if (activities.overlapsAttendance(residentId, activity.startsAt(), activity.endsAt())) {
            return Outcome.refused(EarningError.OVERLAPPING_ACTIVITY);
        }
        long points = activity.pointsFor(minutes);
        YearMonth month = BusinessCalendar.monthOf(now);
        if (activities.pointsIn(residentId, month.toString()) + points > in.pointsPerMonthMax()) {
            return Outcome.refused(EarningError.MONTH_CAP_EXCEEDED);
        }
        String key = issueKey(activityId, residentId);
        try {
            EarningError refused = transactions.execute(status -> {
                activities.confirm(activity, residentId, minutes, day, points, month.toString(), key,
                        coordinator.userId(), now);
                if (points == 0) {
                    return null;
                }
                PostResult result = issuer.issueInto(WalletOwner.resident(residentId), month, points,
                        new EntryKey(key), Issuer.ISSUE, coordinator.userId().journalActor(), activity.title(),
                        json.writeValueAsString(new IssueMetadata(activityId, residentId.value(), minutes)));
                if (result.onTheBooks()) {
                    return null;
                }
                status.setRollbackOnly();
                return result.code() == ResultCode.INSUFFICIENT_FUNDS ? EarningError.BUDGET_EXCEEDED
                        : EarningError.LEDGER_REFUSED;
            });
            if (refused != null) {
                return Outcome.refused(refused);
            }
        } catch (DataAccessException e) {
            return Outcome.refused(databaseRefusal(e));
        }
        return Outcome.of(activities.attendance(activityId, residentId).orElseThrow());
    }

    /**
     * Staff reverse issued hours with a reason: the points go back to the budget they came from, taken from the
     * resident's wallet oldest vintage first, in one {@code ISSUE_CORRECTION} entry. Refused if the resident no
     * longer holds that many points.
     */
    public Outcome<Attendance> correct(User staff, long activityId, UserId residentId, String reasonInput) {
        if (staff.role() != Role.STAFF) {
            return Outcome.refused(EarningError.NOT_STAFF);
        }
        String reason = reasonInput == null ? "" : reasonInput.strip();
        if (reason.isEmpty()) {
            return Outcome.refused(EarningError.REASON_MISSING);
        }
        if (reason.length() > REASON_LENGTH_MAX) {
            return Outcome.refused(EarningError.REASON_TOO_LONG);
        }
        Optional<Attendance> attendance = activities.attendance(activityId, residentId);
        if (attendance.isEmpty()) {
            return Outcome.refused(EarningError.ATTENDANCE_NOT_FOUND);
        }
        if (attendance.get().corrected()) {
            return Outcome.refused(EarningError.ALREADY_CORRECTED);
        }
        Attendance issued = attendance.get();
        FiscalYear year = FiscalYear.containing(YearMonth.parse(issued.month()).atDay(1));
        EarningError refused = transactions.execute(status -> {
            if (!activities.markCorrected(activityId, residentId, reason, staff.userId(), clock.instant())) {
                return EarningError.ALREADY_CORRECTED;
            }
            if (issued.points() == 0) {
                return null;
            }
            PostResult result = spender.take(WalletOwner.resident(residentId), issued.points(),
                    vintage -> budget.account(year), new EntryKey("correction:" + issued.entryKey()),
                    Issuer.ISSUE_CORRECTION, staff.userId().journalActor(), reason, null);
            if (result.onTheBooks()) {
                return null;
            }
            status.setRollbackOnly();
            return result.code() == ResultCode.INSUFFICIENT_FUNDS ? EarningError.POINTS_ALREADY_SPENT
                    : EarningError.LEDGER_REFUSED;
        });
        if (refused != null) {
            return Outcome.refused(refused);
        }
        return Outcome.of(activities.attendance(activityId, residentId).orElseThrow());
    }

    /** The database's own copies of the rules, when a race got past the checks above. */
    private static EarningError databaseRefusal(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        String state = cause instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "";
        return switch (state) {
            case "KY201" -> EarningError.DAY_CAP_EXCEEDED;
            case "KY202" -> EarningError.MONTH_CAP_EXCEEDED;
            case "23P01" -> EarningError.OVERLAPPING_ACTIVITY;
            case "23505" -> EarningError.ALREADY_CONFIRMED;
            case "23503" -> EarningError.NOT_SIGNED_UP;
            case "23514" -> EarningError.ACTIVITY_NOT_OVER;
            default -> throw e;
        };
    }
}

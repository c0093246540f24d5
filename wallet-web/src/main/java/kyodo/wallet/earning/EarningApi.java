package kyodo.wallet.earning;

import io.swagger.v3.oas.annotations.Operation;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.wallet.expiry.ExpiryJob;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import kyodo.fund.problem.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Earning over JSON: residents browse and sign up and check in; coordinators post activities and confirm hours;
 * staff set the budget and rules, run the expiry and correct issued hours. Refusals are problem+json with the
 * reason's {@code code} and its message in Japanese and English.
 */
@RestController
class EarningApi {
    private final SignedIn signedIn;
    private final ActivityBoard board;
    private final Activities activities;
    private final HoursDesk hours;
    private final CheckInDesk checkIns;
    private final IssuanceSettings settings;
    private final ExpiryJob expiry;
    private final Problems problems;

    EarningApi(SignedIn signedIn, ActivityBoard board, Activities activities, HoursDesk hours, CheckInDesk checkIns,
               IssuanceSettings settings, ExpiryJob expiry, Problems problems) {
        this.signedIn = signedIn;
        this.board = board;
        this.activities = activities;
        this.hours = hours;
        this.checkIns = checkIns;
        this.settings = settings;
        this.expiry = expiry;
        this.problems = problems;
    }

    record ActivityView(long id, GroupId groupId, String groupName, String title, String description, String place,
                        Instant startsAt, Instant endsAt, int slots, int signedUp, long pointsPerHour) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id(), a.groupId(), a.groupName(), a.title(), a.description(), a.place(),
                    a.startsAt(), a.endsAt(), a.slots(), a.signedUp(), a.pointsPerHour());
        }
    }

    record CheckBody(String token) {
    }

    record Checked(String direction) {
    }

    /** Times are the ward's local date-times, e.g. {@code 2026-12-05T09:30}. */
    record PostingBody(Long groupId, String title, String description, String place, String startsAt, String endsAt,
                       String slots, String pointsPerHour) {
    }

    record SignUpView(UserId residentId, String residentName, Instant signedUpAt, Instant checkedIn,
                      Instant checkedOut, String suggestedHours, Attendance attendance) {
    }

    record AttendanceBody(Long residentId, String hours) {
    }

    record BudgetBody(String fiscalYear, String amount, String intent) {
    }

    record RulesBody(String hoursPerDay, String pointsPerMonth) {
    }

    /** @param setBy the user id of the staff member who set the rules; absent for the defaults */
    record RulesView(String hoursPerDay, long pointsPerMonth, UserId setBy, Instant setAt) {
        static RulesView of(IssuanceRules.Rules r) {
            return new RulesView(HoursInput.format(r.minutesPerDayMax()), r.pointsPerMonthMax(), r.setBy(),
                    r.setAt());
        }
    }

    record CorrectionBody(Long activityId, Long residentId, String reason) {
    }

    @Operation(summary = "Activities open for sign-up, soonest first")
    @GetMapping("/api/activities")
    List<ActivityView> upcoming() {
        return board.upcoming().stream().map(ActivityView::of).toList();
    }

    @Operation(summary = "Sign up for an activity")
    @PostMapping("/api/activities/{id}/signup")
    ResponseEntity<?> signUp(@PathVariable long id, Authentication authentication) {
        Outcome<Activity> outcome = board.signUp(signedIn.user(authentication).id(), id);
        return outcome.ok() ? ResponseEntity.ok(ActivityView.of(outcome.value())) : refused(outcome.error());
    }

    @Operation(summary = "Check in (first scan) or out (second scan) with the token of an activity's QR")
    @PostMapping("/api/activities/check")
    ResponseEntity<?> check(@RequestBody(required = false) CheckBody body, Authentication authentication) {
        Outcome<CheckInDesk.Direction> done = checkIns.check(signedIn.user(authentication).id(),
                body == null ? null : body.token());
        return done.ok() ? ResponseEntity.ok(new Checked(done.value().name())) : refused(done.error());
    }

    @Operation(summary = "The coordinator's groups' activities, newest first")
    @GetMapping("/api/coordinator/activities")
    List<ActivityView> coordinated(Authentication authentication) {
        return board.activitiesOf(signedIn.user(authentication)).stream().map(ActivityView::of).toList();
    }

    @Operation(summary = "Post an activity for a verified group the coordinator coordinates")
    @PostMapping("/api/coordinator/activities")
    ResponseEntity<?> post(@RequestBody(required = false) PostingBody body, Authentication authentication) {
        if (body == null || body.groupId() == null) {
            return refused(EarningError.GROUP_NOT_FOUND);
        }
        Outcome<Activity> posted = board.post(signedIn.user(authentication), new ActivityBoard.Posting(body.groupId(),
                body.title(), body.description(), body.place(), body.startsAt(), body.endsAt(), body.slots(),
                body.pointsPerHour()));
        return posted.ok() ? ResponseEntity.status(201).body(ActivityView.of(posted.value())) : refused(posted.error());
    }

    @Operation(summary = "Sign-ups of one of the coordinator's activities, with check-ins and suggested hours")
    @GetMapping("/api/coordinator/activities/{id}/signups")
    ResponseEntity<?> signUps(@PathVariable long id, Authentication authentication) {
        Outcome<Activity> activity = board.coordinated(signedIn.user(authentication), id);
        if (!activity.ok()) {
            return refused(activity.error());
        }
        int minutes = activity.value().minutes();
        return ResponseEntity.ok(activities.signUps(id).stream().map(s -> new SignUpView(s.residentId(),
                s.residentName(), s.signedUpAt(), s.checkedIn(), s.checkedOut(),
                HoursInput.format(s.suggestedMinutes(minutes) > 0 ? s.suggestedMinutes(minutes) : minutes),
                s.attendance())).toList());
    }

    @Operation(summary = "Confirm a resident's hours after the activity; issues the points once")
    @PostMapping("/api/coordinator/activities/{id}/attendance")
    ResponseEntity<?> confirm(@PathVariable long id, @RequestBody(required = false) AttendanceBody body,
                              Authentication authentication) {
        if (body == null || body.residentId() == null) {
            return refused(EarningError.RESIDENT_NOT_FOUND);
        }
        Optional<UserId> resident = UserId.ofPositive(body.residentId());
        if (resident.isEmpty()) {
            return refused(EarningError.RESIDENT_NOT_FOUND);
        }
        Outcome<Attendance> confirmed = hours.confirm(signedIn.user(authentication), id, resident.get(),
                body.hours());
        return confirmed.ok() ? ResponseEntity.ok(confirmed.value()) : refused(confirmed.error());
    }

    @Operation(summary = "This fiscal year's issuance budget")
    @GetMapping("/api/staff/points/budget")
    IssuanceBudget.Status budget() {
        return settings.budget(settings.currentYear());
    }

    @Operation(summary = "Raise a fiscal year's issuance budget (once per intent)")
    @PostMapping("/api/staff/points/budget")
    ResponseEntity<?> raise(@RequestBody(required = false) BudgetBody body, Authentication authentication) {
        if (body == null) {
            return refused(EarningError.BUDGET_AMOUNT_INVALID);
        }
        Outcome<IssuanceBudget.Status> raised = settings.raiseBudget(signedIn.user(authentication), body.fiscalYear(),
                body.amount(), body.intent());
        return raised.ok() ? ResponseEntity.ok(raised.value()) : refused(raised.error());
    }

    @Operation(summary = "The issuance rules in force")
    @GetMapping("/api/staff/points/rules")
    RulesView rules() {
        return RulesView.of(settings.rules());
    }

    @Operation(summary = "Change the issuance rules: hours per resident per day, points per resident per month")
    @PutMapping("/api/staff/points/rules")
    ResponseEntity<?> changeRules(@RequestBody(required = false) RulesBody body, Authentication authentication) {
        if (body == null) {
            return refused(EarningError.RULES_INVALID);
        }
        Outcome<IssuanceRules.Rules> changed = settings.changeRules(signedIn.user(authentication), body.hoursPerDay(),
                body.pointsPerMonth());
        return changed.ok() ? ResponseEntity.ok(RulesView.of(changed.value())) : refused(changed.error());
    }

    @Operation(summary = "Run the points expiry now (safe to repeat)")
    @PostMapping("/api/staff/points/expiry-runs")
    ExpiryJob.Run expire() {
        return expiry.run();
    }

    @Operation(summary = "Correct issued hours: the points go back to the budget, with a reason")
    @PostMapping("/api/staff/points/corrections")
    ResponseEntity<?> correct(@RequestBody(required = false) CorrectionBody body, Authentication authentication) {
        if (body == null || body.activityId() == null || body.residentId() == null) {
            return refused(EarningError.ATTENDANCE_NOT_FOUND);
        }
        Optional<UserId> resident = UserId.ofPositive(body.residentId());
        if (resident.isEmpty()) {
            return refused(EarningError.ATTENDANCE_NOT_FOUND);
        }
        Outcome<Attendance> corrected = hours.correct(signedIn.user(authentication), body.activityId(),
                resident.get(), body.reason());
        return corrected.ok() ? ResponseEntity.ok(corrected.value()) : refused(corrected.error());
    }

    private ResponseEntity<?> refused(EarningError error) {
        return problems.of(error);
    }
}

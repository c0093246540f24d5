package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.fund.access.Role;
import kyodo.ledger.DisplayText;
import kyodo.wallet.user.User;
import kyodo.wallet.user.Users;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Coordinators of verified groups post activities; residents sign up. Slots and overlapping sign-ups are checked
 * here for a clear message and again by the database (a slot counter with a check constraint under the activity's
 * row lock, and an exclusion constraint on the resident's time ranges), which decides races.
 */
@Component
public class ActivityBoard {
    private final Activities activities;
    private final Groups groups;
    private final Users users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public ActivityBoard(Activities activities, Groups groups, Users users, TransactionTemplate transactions,
                         Clock clock) {
        this.activities = activities;
        this.groups = groups;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a coordinator fills in; times are the ward's local date-times ({@code 2026-12-05T09:30}). */
    public record Posting(long groupId, String title, String description, String place, String startsAt,
                          String endsAt, String slots, String pointsPerHour) {
    }

    /** The verified groups {@code coordinator} coordinates in the directory. */
    public List<Group> groupsOf(User coordinator) {
        if (coordinator.role() != Role.GROUP_COORDINATOR) {
            return List.of();
        }
        return groups.coordinatedBy(coordinator.userId()).stream().map(groups::find).flatMap(Optional::stream)
                .filter(Group::verified).sorted(java.util.Comparator.comparing(Group::name)).toList();
    }

    /** The activities of the coordinator's groups, newest first. */
    public List<Activity> activitiesOf(User coordinator) {
        Set<GroupId> ids = groupsOf(coordinator).stream().map(Group::id).collect(Collectors.toSet());
        return activities.ofGroups(ids, Activities.LIST_MAX);
    }

    /** The activity, if {@code coordinator} coordinates its group. */
    public Outcome<Activity> coordinated(User coordinator, long activityId) {
        Optional<Activity> activity = activities.find(activityId);
        if (activity.isEmpty()) {
            return Outcome.refused(EarningError.ACTIVITY_NOT_FOUND);
        }
        Optional<EarningError> refusal = coordinatorRefusal(coordinator, activity.get().groupId());
        return refusal.<Outcome<Activity>>map(Outcome::refused).orElseGet(() -> Outcome.of(activity.get()));
    }

    Optional<EarningError> coordinatorRefusal(User coordinator, GroupId groupId) {
        Optional<Group> group = groups.find(groupId);
        if (group.isEmpty()) {
            return Optional.of(EarningError.GROUP_NOT_FOUND);
        }
        if (coordinator.role() != Role.GROUP_COORDINATOR || !group.get().coordinatedBy(coordinator.userId())) {
            return Optional.of(EarningError.NOT_GROUP_COORDINATOR);
        }
        if (!group.get().verified()) {
            return Optional.of(EarningError.GROUP_NOT_VERIFIED);
        }
        return Optional.empty();
    }

    public Outcome<Activity> post(User coordinator, Posting form) {
        // the form's number as it came; one that names no group is refused as GROUP_NOT_FOUND
        GroupId groupId = new GroupId(form.groupId());
        Optional<EarningError> refusal = coordinatorRefusal(coordinator, groupId);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > Activity.TITLE_LENGTH_MAX || !DisplayText.name(title)) {
            return Outcome.refused(EarningError.TITLE_INVALID);
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.length() > Activity.DESCRIPTION_LENGTH_MAX) {
            return Outcome.refused(EarningError.DESCRIPTION_TOO_LONG);
        }
        if (!DisplayText.note(description)) {
            return Outcome.refused(EarningError.DESCRIPTION_INVALID);
        }
        String place = form.place() == null ? "" : form.place().strip();
        if (place.isEmpty() || place.length() > Activity.PLACE_LENGTH_MAX || !DisplayText.name(place)) {
            return Outcome.refused(EarningError.PLACE_INVALID);
        }
        Optional<Instant> starts = localTime(form.startsAt());
        Optional<Instant> ends = localTime(form.endsAt());
        if (starts.isEmpty() || ends.isEmpty() || !ends.get().isAfter(starts.get())
                || java.time.Duration.between(starts.get(), ends.get()).compareTo(Activity.DURATION_MAX) > 0) {
            return Outcome.refused(EarningError.TIME_INVALID);
        }
        if (starts.get().isBefore(clock.instant())) {
            return Outcome.refused(EarningError.STARTS_IN_THE_PAST);
        }
        Optional<Long> slots = number(form.slots());
        if (slots.isEmpty() || slots.get() < 1 || slots.get() > Activity.SLOTS_MAX) {
            return Outcome.refused(EarningError.SLOTS_INVALID);
        }
        Optional<Long> rate = number(form.pointsPerHour());
        if (rate.isEmpty() || rate.get() < 1 || rate.get() > Activity.POINTS_PER_HOUR_MAX) {
            return Outcome.refused(EarningError.RATE_INVALID);
        }
        long id = activities.create(groupId, title, description, place, starts.get(), ends.get(),
                slots.get().intValue(), rate.get(), coordinator.userId(), clock.instant());
        return Outcome.of(activities.find(id).orElseThrow());
    }

    /** Activities open for sign-up (not ended), soonest first. */
    public List<Activity> upcoming() {
        return activities.upcoming(clock.instant(), Activities.LIST_MAX);
    }

    public Outcome<Activity> signUp(UserId residentId, long activityId) {
        Optional<User> resident = users.findById(residentId).filter(u -> u.role() == Role.RESIDENT);
        if (resident.isEmpty()) {
            return Outcome.refused(EarningError.RESIDENT_NOT_FOUND);
        }
        Optional<Activity> activity = activities.find(activityId);
        if (activity.isEmpty()) {
            return Outcome.refused(EarningError.ACTIVITY_NOT_FOUND);
        }
        Activity a = activity.get();
        if (!clock.instant().isBefore(a.startsAt())) {
            return Outcome.refused(EarningError.SIGNUP_CLOSED);
        }
        if (activities.signedUp(activityId, residentId)) {
            return Outcome.refused(EarningError.ALREADY_SIGNED_UP);
        }
        if (a.full()) {
            return Outcome.refused(EarningError.ACTIVITY_FULL);
        }
        if (activities.overlapsSignUp(residentId, a.startsAt(), a.endsAt())) {
            return Outcome.refused(EarningError.OVERLAPPING_ACTIVITY);
        }
        try {
            transactions.executeWithoutResult(status -> activities.signUp(activityId, residentId, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            return Outcome.refused(signUpRace(e, activityId, residentId));
        }
        return Outcome.of(activities.find(activityId).orElseThrow());
    }

    /** What the database refused when two sign-ups raced past the checks above. */
    private EarningError signUpRace(DataIntegrityViolationException e, long activityId, UserId residentId) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.contains("activity_slots_respected")) {
            return EarningError.ACTIVITY_FULL;
        }
        if (message.contains("signups_do_not_overlap")) {
            return EarningError.OVERLAPPING_ACTIVITY;
        }
        if (activities.signedUp(activityId, residentId)) {
            return EarningError.ALREADY_SIGNED_UP;
        }
        throw e;
    }

    static Optional<Instant> localTime(String text) {
        if (text == null || text.isBlank() || text.length() > 32) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip()).atZone(BusinessCalendar.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> number(String text) {
        if (text == null || !text.strip().matches("-?[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.strip()));
    }
}

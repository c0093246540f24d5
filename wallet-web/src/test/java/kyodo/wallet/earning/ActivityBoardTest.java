package kyodo.wallet.earning;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.directory.Group;
import kyodo.wallet.qr.QrProperties;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting activities, signing up within the slots and without overlaps, and checking in and out by QR. */
class ActivityBoardTest extends EarningFixtures {
    @Autowired
    CheckInDesk checkIns;

    @Test
    void onlyCoordinatorsOfVerifiedGroupsPostActivitiesAndBadFormsAreRefused() {
        User coordinator = coordinator();
        Group verified = group(coordinator, true);
        Group waiting = group(coordinator, false);
        String tomorrow = BusinessCalendar.today(clock)
                .plusDays(1).atTime(10, 0).toString();
        String later = BusinessCalendar.today(clock)
                .plusDays(1).atTime(12, 0).toString();

        assertThat(post(coordinator, waiting.id().value(), "清掃", tomorrow, later, "5", "100").error())
                .isEqualTo(EarningError.GROUP_NOT_VERIFIED);
        assertThat(post(coordinator(), verified.id().value(), "清掃", tomorrow, later, "5", "100").error())
                .isEqualTo(EarningError.NOT_GROUP_COORDINATOR);
        assertThat(post(coordinator, 999_999_999L, "清掃", tomorrow, later, "5", "100").error())
                .isEqualTo(EarningError.GROUP_NOT_FOUND);
        assertThat(post(coordinator, verified.id().value(), " ", tomorrow, later, "5", "100").error())
                .isEqualTo(EarningError.TITLE_INVALID);
        assertThat(post(coordinator, verified.id().value(), "清掃", later, tomorrow, "5", "100").error())
                .isEqualTo(EarningError.TIME_INVALID);
        assertThat(post(coordinator, verified.id().value(), "清掃", "2020-01-01T10:00", "2020-01-01T11:00", "5",
                "100").error()).isEqualTo(EarningError.STARTS_IN_THE_PAST);
        assertThat(post(coordinator, verified.id().value(), "清掃", tomorrow, later, "0", "100").error())
                .isEqualTo(EarningError.SLOTS_INVALID);
        assertThat(post(coordinator, verified.id().value(), "清掃", tomorrow, later, "5", "-1").error())
                .isEqualTo(EarningError.RATE_INVALID);
        Outcome<Activity> posted = post(coordinator, verified.id().value(), "清掃", tomorrow, later, "5", "100");

        assertThat(posted.ok()).isTrue();
        assertThat(posted.value().minutes()).isEqualTo(120);
        assertThat(board.upcoming()).extracting(Activity::id).contains(posted.value().id());
        assertThat(board.activitiesOf(coordinator)).extracting(Activity::id).containsExactly(posted.value().id());
    }

    @Test
    void signUpsFromManyResidentsAtOnceFillTheSlotsExactly() throws Exception {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = futureActivity(coordinator, group, Duration.ofDays(5), 60, 3);
        int residents = 12;
        List<User> people = new ArrayList<>();
        for (int i = 0; i < residents; i++) {
            people.add(resident(0));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(residents);
        List<Future<Outcome<Activity>>> results = new ArrayList<>();
        for (User person : people) {
            results.add(pool.submit(() -> {
                start.await();
                return board.signUp(person.id(), activity.id());
            }));
        }
        start.countDown();
        int signedUp = 0;
        for (Future<Outcome<Activity>> result : results) {
            Outcome<Activity> o = result.get();
            if (o.ok()) {
                signedUp++;
            } else {
                assertThat(o.error()).isEqualTo(EarningError.ACTIVITY_FULL);
            }
        }
        pool.shutdown();

        assertThat(signedUp).isEqualTo(3);
        assertThat(activities.find(activity.id()).orElseThrow().signedUp()).isEqualTo(3);
        assertThat(activities.signUps(activity.id())).hasSize(3);
    }

    @Test
    void aResidentCannotSignUpTwiceOrForOverlappingActivitiesAndTheDatabaseAgrees() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity first = futureActivity(coordinator, group, Duration.ofDays(6), 120, 5);
        Activity overlapping = futureActivity(coordinator, group, Duration.ofDays(6).plusMinutes(60), 120, 5);
        User resident = resident(0);

        assertThat(board.signUp(resident.id(), first.id()).ok()).isTrue();
        assertThat(board.signUp(resident.id(), first.id()).error()).isEqualTo(EarningError.ALREADY_SIGNED_UP);
        assertThat(board.signUp(resident.id(), overlapping.id()).error()).isEqualTo(EarningError.OVERLAPPING_ACTIVITY);
        assertThat(board.signUp(resident.id(), 999_999_999L).error()).isEqualTo(EarningError.ACTIVITY_NOT_FOUND);
        assertThatThrownBy(() -> activities.signUp(overlapping.id(), resident.id(), clock.instant()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("signups_do_not_overlap");
        assertThat(activities.signedUp(overlapping.id(), resident.id())).isFalse();
    }

    @Test
    void residentsCheckInAndOutOnceEachWithTheRotatingQr() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = futureActivity(coordinator, group, Duration.ofDays(7), 180, 5);
        User resident = resident(0);
        User stranger = resident(0);
        assertThat(board.signUp(resident.id(), activity.id()).ok()).isTrue();
        String url = checkIns.url(activity);
        String token = url.substring(url.indexOf("?t=") + 3);

        assertThat(url).startsWith(BASE_URL + CheckInDesk.PATH + "?t=");
        assertThat(checkIns.check(stranger.id(), token).error()).isEqualTo(EarningError.NOT_SIGNED_UP);
        assertThat(checkIns.check(resident.id(), token).value()).isEqualTo(CheckInDesk.Direction.IN);
        assertThat(checkIns.check(resident.id(), checkIns.url(activity).substring(url.indexOf("?t=") + 3)).value())
                .isEqualTo(CheckInDesk.Direction.OUT);
        assertThat(checkIns.check(resident.id(), token).error()).isEqualTo(EarningError.ALREADY_CHECKED_OUT);
        SignUp signUp = activities.signUps(activity.id()).get(0);
        assertThat(signUp.checkedIn()).isNotNull();
        assertThat(signUp.checkedOut()).isNotNull();
        // in and out within the same minute: the suggestion is the smallest step, never zero
        assertThat(signUp.suggestedMinutes(activity.minutes())).isEqualTo(HoursInput.MINUTES_STEP);
    }

    @Test
    void forgedExpiredAndMangledCheckInCodesAreRefused() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = futureActivity(coordinator, group, Duration.ofDays(8), 60, 5);
        User resident = resident(0);
        assertThat(board.signUp(resident.id(), activity.id()).ok()).isTrue();
        CheckInDesk forger = new CheckInDesk(SigningKey.generate(), new QrProperties(BASE_URL, Path.of("unused"),
                Duration.ofDays(1), Duration.ofMinutes(5), Duration.ofSeconds(60)), activities, clock);
        String forged = forger.token(activity.id(), clock.instant().plusSeconds(60));
        String expired = checkIns.token(activity.id(), clock.instant().minusSeconds(1));

        assertThat(checkIns.check(resident.id(), forged).error()).isEqualTo(EarningError.QR_BAD_SIGNATURE);
        assertThat(checkIns.check(resident.id(), expired).error()).isEqualTo(EarningError.QR_EXPIRED);
        assertThat(checkIns.check(resident.id(), "not-a-token").error()).isEqualTo(EarningError.QR_MALFORMED);
        assertThat(checkIns.check(resident.id(), null).error()).isEqualTo(EarningError.QR_MALFORMED);
        assertThat(activities.signUps(activity.id()).get(0).checkedIn()).isNull();
    }

    @Test
    void hoursAreReadAsQuarterHours() {
        assertThat(HoursInput.parse("1.5").minutes()).isEqualTo(90);
        assertThat(HoursInput.parse("0.25").minutes()).isEqualTo(15);
        assertThat(HoursInput.parse("24").minutes()).isEqualTo(1440);
        assertThat(HoursInput.parse("24.25").error()).isEqualTo(EarningError.HOURS_OVER_24);
        assertThat(HoursInput.parse("0.1").error()).isEqualTo(EarningError.HOURS_NOT_QUARTER);
        assertThat(HoursInput.parse("1e3").error()).isEqualTo(EarningError.HOURS_NOT_A_NUMBER);
        assertThat(HoursInput.format(90)).isEqualTo("1.5");
        assertThat(HoursInput.format(120)).isEqualTo("2");
    }

    private Outcome<Activity> post(User coordinator, long groupId, String title, String starts, String ends,
                                   String slots, String rate) {
        return board.post(coordinator, new ActivityBoard.Posting(groupId, title, "", "公園", starts, ends, slots, rate));
    }
}

package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.directory.Group;
import kyodo.ledger.EntryKey;
import kyodo.ledger.JournalEntry;
import kyodo.wallet.account.VintageAccount;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Confirming volunteer hours issues points once, within the rules; bad input issues nothing. */
class HoursDeskTest extends EarningFixtures {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void confirmedHoursIssuePointsAtTheRateIntoThisMonthsVintageOnce() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 120, 120);
        User resident = resident(0);
        signUpAfterTheFact(activity, resident);
        long budgetBefore = budget.status(FiscalYear.current(clock)).remaining();

        Outcome<Attendance> confirmed = hours.confirm(coordinator, activity.id(), resident.id(), "1.5");
        Outcome<Attendance> again = hours.confirm(coordinator, activity.id(), resident.id(), "1.5");

        assertThat(confirmed.ok()).isTrue();
        assertThat(confirmed.value().points()).isEqualTo(180);
        assertThat(again.error()).isEqualTo(EarningError.ALREADY_CONFIRMED);
        assertThat(balance(resident)).isEqualTo(180);
        WalletOwner owner = WalletOwner.resident(resident.id());
        assertThat(wallets.vintages(owner)).filteredOn(v -> v.posted() > 0).extracting(VintageAccount::month)
                .containsExactly(wallets.currentMonth());
        JournalEntry entry = ledger.entry(new EntryKey(HoursDesk.issueKey(activity.id(), resident.id()))).orElseThrow();
        assertThat(entry.kind()).isEqualTo(Issuer.ISSUE);
        assertThat(budget.status(FiscalYear.current(clock)).remaining()).isEqualTo(budgetBefore - 180);
    }

    @Test
    void badInputIsRefusedWithItsReasonAndNothingIsIssued() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 120, 100);
        Activity notOver = futureActivity(coordinator, group, Duration.ofDays(2), 60, 5);
        User resident = resident(0);
        User stranger = resident(0);
        signUpAfterTheFact(activity, resident);
        signUpAfterTheFact(notOver, resident);
        long head = ledger.head().sequence();

        assertThat(refusal(coordinator, activity.id(), resident, "0")).isEqualTo(EarningError.HOURS_NOT_POSITIVE);
        assertThat(refusal(coordinator, activity.id(), resident, "-2")).isEqualTo(EarningError.HOURS_NOT_POSITIVE);
        assertThat(refusal(coordinator, activity.id(), resident, "25")).isEqualTo(EarningError.HOURS_OVER_24);
        assertThat(refusal(coordinator, activity.id(), resident, "two")).isEqualTo(EarningError.HOURS_NOT_A_NUMBER);
        assertThat(refusal(coordinator, activity.id(), resident, "")).isEqualTo(EarningError.HOURS_MISSING);
        assertThat(refusal(coordinator, activity.id(), resident, "1.1")).isEqualTo(EarningError.HOURS_NOT_QUARTER);
        assertThat(refusal(coordinator, activity.id(), resident, "3"))
                .isEqualTo(EarningError.HOURS_LONGER_THAN_ACTIVITY);
        assertThat(refusal(coordinator, notOver.id(), resident, "1")).isEqualTo(EarningError.ACTIVITY_NOT_OVER);
        assertThat(refusal(coordinator, 999_999_999L, resident, "1")).isEqualTo(EarningError.ACTIVITY_NOT_FOUND);
        assertThat(refusal(coordinator, activity.id(), stranger, "1")).isEqualTo(EarningError.NOT_SIGNED_UP);
        assertThat(hours.confirm(coordinator, activity.id(), new UserId(999_999_999L), "1").error())
                .isEqualTo(EarningError.RESIDENT_NOT_FOUND);
        assertThat(refusal(coordinator(), activity.id(), resident, "1")).isEqualTo(EarningError.NOT_GROUP_COORDINATOR);

        assertThat(ledger.head().sequence()).isEqualTo(head);
        assertThat(balance(resident)).isZero();
        assertThat(activities.attendance(activity.id(), resident.id())).isEmpty();
    }

    @Test
    void theDatabaseRefusesHoursForSomeoneNotSignedUpOrBeforeTheActivityEnds() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 60, 100);
        Activity notOver = futureActivity(coordinator, group, Duration.ofDays(3), 60, 5);
        User resident = resident(0);
        signUpAfterTheFact(notOver, resident);

        assertThatThrownBy(() -> activities.confirm(activity, resident.id(), 60, LocalDate.now(clock), 100,
                "2026-01", "test:db-not-signed-up:" + resident.id(), demo("staff").userId(), clock.instant()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("activity_attendance");
        assertThatThrownBy(() -> activities.confirm(notOver, resident.id(), 60, LocalDate.now(clock), 100,
                "2026-01", "test:db-future:" + resident.id(), demo("staff").userId(), clock.instant()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("attendance_after_the_activity");
    }

    @Test
    void hoursPerDayAreCappedInJavaAndInTheDatabase() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        rules.change(120, 100_000, demo("staff").userId(), clock.instant());
        Activity first = yesterday(group, 9, 120, 100);
        Activity second = yesterday(group, 12, 120, 100);
        Activity third = yesterday(group, 15, 60, 100);
        User resident = resident(0);
        for (Activity a : List.of(first, second, third)) {
            signUpAfterTheFact(a, resident);
        }

        assertThat(hours.confirm(coordinator, first.id(), resident.id(), "2").ok()).isTrue();
        assertThat(hours.confirm(coordinator, second.id(), resident.id(), "1").error())
                .isEqualTo(EarningError.DAY_CAP_EXCEEDED);
        assertThatThrownBy(() -> activities.confirm(third, resident.id(), 30,
                BusinessCalendar.dayOf(third.startsAt()), 50,
                wallets.currentMonth().toString(), "test:db-day-cap:" + resident.id(), demo("staff").userId(),
                clock.instant()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("hours per day");
        assertThat(balance(resident)).isEqualTo(200);
    }

    @Test
    void pointsPerMonthAreCappedInJavaAndInTheDatabase() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        rules.change(1440, 300, demo("staff").userId(), clock.instant());
        Activity first = yesterday(group, 9, 60, 200);
        Activity second = yesterday(group, 11, 60, 200);
        User resident = resident(0);
        signUpAfterTheFact(first, resident);
        signUpAfterTheFact(second, resident);

        assertThat(hours.confirm(coordinator, first.id(), resident.id(), "1").ok()).isTrue();
        assertThat(hours.confirm(coordinator, second.id(), resident.id(), "1").error())
                .isEqualTo(EarningError.MONTH_CAP_EXCEEDED);
        assertThatThrownBy(() -> activities.confirm(second, resident.id(), 60, LocalDate.now(clock), 200,
                wallets.currentMonth().toString(), "test:db-month-cap:" + resident.id(), demo("staff").userId(),
                clock.instant()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("points per month");
        assertThat(balance(resident)).isEqualTo(200);
    }

    @Test
    void concurrentConfirmationsOfOneResidentStayWithinTheDailyCap() throws Exception {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        rules.change(60, 100_000, demo("staff").userId(), clock.instant());
        List<Activity> onOneDay = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            onOneDay.add(yesterday(group, 8 + 2 * i, 60, 100));
        }
        User resident = resident(0);
        onOneDay.forEach(a -> signUpAfterTheFact(a, resident));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(onOneDay.size());
        List<Future<Outcome<Attendance>>> results = new ArrayList<>();
        for (Activity a : onOneDay) {
            results.add(pool.submit(() -> {
                start.await();
                return hours.confirm(coordinator, a.id(), resident.id(), "1");
            }));
        }
        start.countDown();
        int confirmed = 0;
        for (Future<Outcome<Attendance>> result : results) {
            Outcome<Attendance> o = result.get();
            if (o.ok()) {
                confirmed++;
            } else {
                assertThat(o.error()).isEqualTo(EarningError.DAY_CAP_EXCEEDED);
            }
        }
        pool.shutdown();

        assertThat(confirmed).isEqualTo(1);
        assertThat(balance(resident)).isEqualTo(100);
    }

    @Test
    void staffCorrectIssuedHoursWithAReasonAndThePointsGoBackToTheBudget() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 60, 150);
        User resident = resident(0);
        signUpAfterTheFact(activity, resident);
        assertThat(hours.confirm(coordinator, activity.id(), resident.id(), "1").ok()).isTrue();
        long remaining = budget.status(FiscalYear.current(clock)).remaining();
        User staff = users.findByUsername("staff").orElseThrow();

        assertThat(hours.correct(staff, activity.id(), resident.id(), "  ").error()).isEqualTo(EarningError.REASON_MISSING);
        assertThat(hours.correct(coordinator, activity.id(), resident.id(), "wrong").error())
                .isEqualTo(EarningError.NOT_STAFF);
        Outcome<Attendance> corrected = hours.correct(staff, activity.id(), resident.id(), "二重登録のため");

        assertThat(corrected.ok()).isTrue();
        assertThat(corrected.value().corrected()).isTrue();
        assertThat(balance(resident)).isZero();
        assertThat(budget.status(FiscalYear.current(clock)).remaining()).isEqualTo(remaining + 150);
        JournalEntry correction = ledger.entry(new EntryKey("correction:"
                + HoursDesk.issueKey(activity.id(), resident.id()))).orElseThrow();
        assertThat(correction.kind()).isEqualTo(Issuer.ISSUE_CORRECTION);
        assertThat(correction.memo()).isEqualTo("二重登録のため");
        assertThat(hours.correct(staff, activity.id(), resident.id(), "again").error())
                .isEqualTo(EarningError.ALREADY_CORRECTED);
    }

    @Test
    void aCorrectionIsRefusedWhenThePointsWereSpentAndChangesNothing() {
        User coordinator = coordinator();
        Group group = group(coordinator, true);
        Activity activity = pastActivity(group, Duration.ofHours(1), 60, 150);
        User resident = resident(0);
        signUpAfterTheFact(activity, resident);
        assertThat(hours.confirm(coordinator, activity.id(), resident.id(), "1").ok()).isTrue();
        User friend = resident(0);
        assertThat(sender.send(resident.userId(), WalletOwner.resident(friend.userId()), "100", "",
                kyodo.wallet.qr.QrCodes.nonce()).ok()).isTrue();
        User staff = users.findByUsername("staff").orElseThrow();

        assertThat(hours.correct(staff, activity.id(), resident.id(), "誤り").error())
                .isEqualTo(EarningError.POINTS_ALREADY_SPENT);
        assertThat(activities.attendance(activity.id(), resident.id()).orElseThrow().corrected()).isFalse();
        assertThat(balance(resident)).isEqualTo(50);
    }

    @Autowired
    kyodo.wallet.transfer.Sender sender;

    private EarningError refusal(User coordinator, long activityId, User resident, String input) {
        return hours.confirm(coordinator, activityId, resident.id(), input).error();
    }
}

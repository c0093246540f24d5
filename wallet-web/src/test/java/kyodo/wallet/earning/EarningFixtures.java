package kyodo.wallet.earning;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.wallet.WalletWebTest;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What earning tests need: coordinators of verified groups, activities in the past (written as the board would
 * have written them, since the board only takes future ones) and sign-ups to them, this fiscal year's budget, and
 * the rules put back after each test.
 */
abstract class EarningFixtures extends WalletWebTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    Directory directory;
    @Autowired
    ActivityBoard board;
    @Autowired
    Activities activities;
    @Autowired
    HoursDesk hours;
    @Autowired
    IssuanceRules rules;
    @Autowired
    Clock clock;

    private IssuanceRules.Rules before;

    @BeforeEach
    void budgetAndRules() {
        budget.raise(FiscalYear.current(clock), TEST_BUDGET, "test", "test-budget");
        before = rules.current();
    }

    @AfterEach
    void restoreRules() {
        rules.change(before.minutesPerDayMax(), before.pointsPerMonthMax(), demo("staff").userId(), clock.instant());
    }

    User coordinator() {
        String name = "coord" + COUNTER.incrementAndGet();
        return registrar.createUser(name, "コーディネーター " + name, PASSWORD, Role.GROUP_COORDINATOR).user();
    }

    Group group(User coordinator, boolean verified) {
        Group group = directory.register(coordinator.actor(),
                new Directory.Registration("テスト団体 " + COUNTER.incrementAndGet(), "VOLUNTARY", "代表",
                        "contact@example.jp", Field.COMMUNITY.code(), "", List.of()));
        if (verified) {
            directory.decide(demo("staff").actor(), group.id(), true, "規約と代表者の本人確認書類を確認");
        }
        return group;
    }

    /** An activity of {@code minutes} that ended {@code endedAgo} ago. */
    Activity pastActivity(Group group, Duration endedAgo, int minutes, long pointsPerHour) {
        Instant ends = clock.instant().minus(endedAgo);
        long id = activities.create(group.id(), "過去の活動 " + COUNTER.incrementAndGet(), "", "区民センター",
                ends.minus(Duration.ofMinutes(minutes)), ends, 50, pointsPerHour, group.registeredBy(),
                ends.minus(Duration.ofDays(7)));
        return activities.find(id).orElseThrow();
    }

    /** An activity yesterday (Asia/Tokyo) from {@code hour}:00 for {@code minutes}: always over, all on one day. */
    Activity yesterday(Group group, int hour, int minutes, long pointsPerHour) {
        Instant starts = BusinessCalendar.today(clock).minusDays(1)
                .atTime(hour, 0).atZone(BusinessCalendar.ZONE).toInstant();
        long id = activities.create(group.id(), "昨日の活動 " + COUNTER.incrementAndGet(), "", "区民センター",
                starts, starts.plus(Duration.ofMinutes(minutes)), 50, pointsPerHour, group.registeredBy(),
                starts.minus(Duration.ofDays(7)));
        return activities.find(id).orElseThrow();
    }

    Activity futureActivity(User coordinator, Group group, Duration startsIn, int minutes, int slots) {
        java.time.LocalDateTime starts = java.time.LocalDateTime.ofInstant(clock.instant().plus(startsIn),
                BusinessCalendar.ZONE).withSecond(0).withNano(0);
        Outcome<Activity> posted = board.post(coordinator, new ActivityBoard.Posting(group.id().value(),
                "これからの活動 " + COUNTER.incrementAndGet(), "説明", "公園", starts.toString(),
                starts.plusMinutes(minutes).toString(), Integer.toString(slots), "100"));
        if (!posted.ok()) {
            throw new IllegalStateException("posting refused: " + posted.error());
        }
        return posted.value();
    }

    void signUpAfterTheFact(Activity activity, User resident) {
        activities.signUp(activity.id(), resident.id(), activity.startsAt().minus(Duration.ofDays(1)));
    }
}

package kyodo.wallet.earning;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.books.Field;
import kyodo.fund.directory.Directory;
import kyodo.fund.directory.Group;
import kyodo.wallet.user.User;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Demo activities (called by the demo data on an empty database): the demo coordinator's group registered in the
 * directory and verified by the demo staff member, an activity tomorrow open for sign-up, and one that took place
 * yesterday with two residents signed up, whose hours the coordinator can confirm.
 */
@Component
public class EarningDemo {
    private final Directory directory;
    private final ActivityBoard board;
    private final Activities activities;
    private final Clock clock;

    public EarningDemo(Directory directory, ActivityBoard board, Activities activities, Clock clock) {
        this.directory = directory;
        this.board = board;
        this.activities = activities;
        this.clock = clock;
    }

    /** The demo group, registered and verified, with its activities; answered so the demo can give it points. */
    public Group create(User coordinator, User staff, List<User> residents) {
        Group group = directory.register(coordinator.actor(),
                new Directory.Registration("みどり会(環境美化ボランティア)", "VOLUNTARY", "みどり会 代表",
                        "midori@example.jp", Field.ENVIRONMENT.code(), "公園や川辺の清掃をしています。", List.of()));
        directory.decide(staff.actor(), group.id(), true, "デモ: 規約と代表者の本人確認書類を確認");
        LocalDate today = BusinessCalendar.today(clock);
        ZonedDateTime tomorrow = today.plusDays(1).atTime(9, 0).atZone(BusinessCalendar.ZONE);
        board.post(coordinator, new ActivityBoard.Posting(group.id().value(), "公園の清掃", "軍手は用意します。",
                "中央公園 正門前", tomorrow.toLocalDateTime().toString(),
                tomorrow.plusHours(2).toLocalDateTime().toString(), "20", "100"));
        // in the past, so it cannot be posted through the board: written as the board would have written it
        ZonedDateTime yesterday = today.minusDays(1).atTime(10, 0).atZone(BusinessCalendar.ZONE);
        long past = activities.create(group.id(), "川辺のごみ拾い", "", "さくら川 桜橋の下",
                yesterday.toInstant(), yesterday.plusHours(2).toInstant(), 10, 100, coordinator.userId(),
                yesterday.minusDays(7).toInstant());
        for (User resident : residents) {
            activities.signUp(past, resident.id(), yesterday.minusDays(3).toInstant());
        }
        return group;
    }
}

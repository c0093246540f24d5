package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.directory.Group;
import kyodo.wallet.account.WalletOwner;
import kyodo.wallet.account.Wallets;
import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coordinators' pages: their home (their groups' wallets and activities, a form to post one), and per activity the
 * sign-ups with check-in times, the rotating check-in QR and the form to confirm hours (pre-filled from check-in
 * and check-out).
 */
@Controller
class CoordinatorController {
    private final SignedIn signedIn;
    private final ActivityBoard board;
    private final Activities activities;
    private final HoursDesk hours;
    private final CheckInDesk checkIns;
    private final Wallets wallets;
    private final Clock clock;

    CoordinatorController(SignedIn signedIn, ActivityBoard board, Activities activities, HoursDesk hours,
                          CheckInDesk checkIns, Wallets wallets, Clock clock) {
        this.wallets = wallets;
        this.signedIn = signedIn;
        this.board = board;
        this.activities = activities;
        this.hours = hours;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    @GetMapping("/coordinator/activities")
    String list(Authentication authentication, Model model) {
        return listPage(signedIn.user(authentication), model, null);
    }

    @PostMapping("/coordinator/activities")
    String post(@RequestParam(defaultValue = "0") long groupId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String description, @RequestParam(required = false) String place,
                @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                @RequestParam(required = false) String slots, @RequestParam(required = false) String pointsPerHour,
                Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        ActivityBoard.Posting form = new ActivityBoard.Posting(groupId, title, description, place, startsAt, endsAt,
                slots, pointsPerHour);
        Outcome<Activity> posted = board.post(user, form);
        if (!posted.ok()) {
            model.addAttribute("error", posted.error().messageKey());
            return listPage(user, model, form);
        }
        return "redirect:/coordinator/activities/" + posted.value().id();
    }

    /** A coordinated group's wallet as the coordinator's home lists it. */
    record GroupWallet(GroupId groupId, String name, long available) {
    }

    private String listPage(User user, Model model, ActivityBoard.Posting form) {
        List<Group> groups = board.groupsOf(user);
        model.addAttribute("groups", groups);
        model.addAttribute("groupWallets", groups.stream().map(g -> new GroupWallet(g.id(), g.name(),
                wallets.balance(WalletOwner.group(g.id())).available())).toList());
        model.addAttribute("activities", board.activitiesOf(user));
        LocalDateTime tomorrow = LocalDateTime.now(clock.withZone(BusinessCalendar.ZONE)).plusDays(1)
                .withHour(9).withMinute(0).withSecond(0).withNano(0);
        model.addAttribute("form", form != null ? form : new ActivityBoard.Posting(0, "", "", "",
                tomorrow.toString(), tomorrow.plusHours(2).toString(), "10", "100"));
        return "coordinator-activities";
    }

    @GetMapping("/coordinator/activities/{id}")
    String activity(@PathVariable long id, @RequestParam(required = false) Long confirmed,
                    Authentication authentication, Model model) {
        return activityPage(signedIn.user(authentication), id, model, confirmed);
    }

    @PostMapping("/coordinator/activities/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "0") long residentId,
                   @RequestParam(required = false) String hours, Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        // a number that names no one is refused as a resident who is not there
        Outcome<Attendance> confirmed = UserId.ofPositive(residentId)
                .map(resident -> this.hours.confirm(user, id, resident, hours))
                .orElseGet(() -> Outcome.refused(EarningError.RESIDENT_NOT_FOUND));
        if (!confirmed.ok()) {
            model.addAttribute("error", confirmed.error().messageKey());
            return activityPage(user, id, model, null);
        }
        return "redirect:/coordinator/activities/" + id + "?confirmed=" + residentId;
    }

    private String activityPage(User user, long id, Model model, Long confirmed) {
        Outcome<Activity> activity = board.coordinated(user, id);
        if (!activity.ok()) {
            model.addAttribute("error", activity.error().messageKey());
            model.addAttribute("groups", board.groupsOf(user));
            model.addAttribute("activities", board.activitiesOf(user));
            model.addAttribute("form", new ActivityBoard.Posting(0, "", "", "", "", "", "", ""));
            return "coordinator-activities";
        }
        Activity a = activity.value();
        List<SignUp> signUps = activities.signUps(id);
        Map<UserId, String> suggested = new HashMap<>();
        for (SignUp s : signUps) {
            int minutes = s.suggestedMinutes(a.minutes());
            suggested.put(s.residentId(), HoursInput.format(minutes > 0 ? minutes : a.minutes()));
        }
        String url = checkIns.url(a);
        model.addAttribute("activity", a);
        model.addAttribute("signUps", signUps);
        model.addAttribute("suggested", suggested);
        model.addAttribute("over", a.over(clock.instant()));
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("checkInUrl", url);
        model.addAttribute("checkInPng", Base64.getEncoder().encodeToString(QrImages.png(url)));
        model.addAttribute("rotateSeconds", CheckInDesk.ROTATE_SECONDS);
        return "coordinator-activity";
    }
}

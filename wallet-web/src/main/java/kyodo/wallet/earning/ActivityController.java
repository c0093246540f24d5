package kyodo.wallet.earning;

import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashSet;

/** Residents' pages: browse activities and sign up, check in and out by the activity's QR, their confirmed hours. */
@Controller
class ActivityController {
    private final SignedIn signedIn;
    private final ActivityBoard board;
    private final Activities activities;
    private final CheckInDesk checkIns;

    ActivityController(SignedIn signedIn, ActivityBoard board, Activities activities, CheckInDesk checkIns) {
        this.signedIn = signedIn;
        this.board = board;
        this.activities = activities;
        this.checkIns = checkIns;
    }

    @GetMapping("/activities")
    String list(@RequestParam(required = false) Long signed, Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        model.addAttribute("signedActivity", signed);
        return page(user, model);
    }

    @PostMapping("/activities/{id}/signup")
    String signUp(@PathVariable long id, Authentication authentication, Model model) {
        User user = signedIn.user(authentication);
        Outcome<Activity> outcome = board.signUp(user.id(), id);
        if (!outcome.ok()) {
            model.addAttribute("error", outcome.error().messageKey());
            return page(user, model);
        }
        return "redirect:/activities?signed=" + id;
    }

    private String page(User user, Model model) {
        model.addAttribute("activities", board.upcoming());
        model.addAttribute("mine", new HashSet<>(activities.signedUpBy(user.id())));
        model.addAttribute("hours", activities.attendanceOf(user.id(), 20));
        return "activities";
    }

    /** Where the activity's QR leads: says what the scan will do (check in or out) before doing it. */
    @GetMapping(CheckInDesk.PATH)
    String scanned(@RequestParam(name = "t", required = false) String token, Authentication authentication,
                   Model model) {
        User user = signedIn.user(authentication);
        model.addAttribute("token", token);
        Outcome<Activity> activity = checkIns.open(token);
        if (!activity.ok()) {
            model.addAttribute("error", activity.error().messageKey());
            return "activity-check";
        }
        model.addAttribute("activity", activity.value());
        Outcome<CheckInDesk.Direction> next = checkIns.next(user.id(), activity.value());
        if (!next.ok()) {
            model.addAttribute("error", next.error().messageKey());
        } else {
            model.addAttribute("direction", next.value().name());
        }
        return "activity-check";
    }

    @PostMapping(CheckInDesk.PATH)
    String check(@RequestParam(name = "t", required = false) String token, Authentication authentication,
                 Model model) {
        User user = signedIn.user(authentication);
        Outcome<CheckInDesk.Direction> done = checkIns.check(user.id(), token);
        Outcome<Activity> activity = checkIns.open(token);
        if (activity.ok()) {
            model.addAttribute("activity", activity.value());
        }
        if (!done.ok()) {
            model.addAttribute("error", done.error().messageKey());
        } else {
            model.addAttribute("done", done.value().name());
        }
        return "activity-check";
    }
}

package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.ledger.calendar.FiscalYear;
import kyodo.wallet.expiry.ExpiryJob;
import kyodo.wallet.user.SignedIn;
import kyodo.wallet.user.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff: the fiscal year's issuance budget, the issuance rules, the expiry job, and corrections of issued hours. */
@Controller
class StaffPointsController {
    private final SignedIn signedIn;
    private final IssuanceSettings settings;
    private final HoursDesk hours;
    private final Activities activities;
    private final ExpiryJob expiry;

    StaffPointsController(SignedIn signedIn, IssuanceSettings settings, HoursDesk hours, Activities activities,
                          ExpiryJob expiry) {
        this.signedIn = signedIn;
        this.settings = settings;
        this.hours = hours;
        this.activities = activities;
        this.expiry = expiry;
    }

    @GetMapping("/staff/points")
    String page(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(model);
    }

    private String page(Model model) {
        FiscalYear year = settings.currentYear();
        model.addAttribute("year", year.year());
        model.addAttribute("budget", settings.budget(year));
        model.addAttribute("rules", settings.rules());
        model.addAttribute("rulesHours", HoursInput.format(settings.rules().minutesPerDayMax()));
        model.addAttribute("attendance", activities.recentAttendance(50));
        model.addAttribute("intent", kyodo.wallet.qr.QrCodes.nonce());
        return "staff-points";
    }

    @PostMapping("/staff/points/budget")
    String budget(@RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String intent, Authentication authentication, Model model) {
        User staff = signedIn.user(authentication);
        Outcome<IssuanceBudget.Status> raised = settings.raiseBudget(staff, fiscalYear, amount, intent);
        return raised.ok() ? "redirect:/staff/points?done=budget" : refused(model, raised.error());
    }

    @PostMapping("/staff/points/rules")
    String rules(@RequestParam(required = false) String hoursPerDay,
                 @RequestParam(required = false) String pointsPerMonth, Authentication authentication, Model model) {
        User staff = signedIn.user(authentication);
        Outcome<IssuanceRules.Rules> changed = settings.changeRules(staff, hoursPerDay, pointsPerMonth);
        return changed.ok() ? "redirect:/staff/points?done=rules" : refused(model, changed.error());
    }

    @PostMapping("/staff/points/expiry")
    String expire(Model model) {
        ExpiryJob.Run run = expiry.run();
        model.addAttribute("expiryRun", run);
        return page(model);
    }

    @PostMapping("/staff/points/corrections")
    String correct(@RequestParam(defaultValue = "0") long activityId, @RequestParam(defaultValue = "0") long residentId,
                   @RequestParam(required = false) String reason, Authentication authentication, Model model) {
        User staff = signedIn.user(authentication);
        // a number that names no one has no hours to correct
        Outcome<Attendance> corrected = UserId.ofPositive(residentId)
                .map(resident -> hours.correct(staff, activityId, resident, reason))
                .orElseGet(() -> Outcome.refused(EarningError.ATTENDANCE_NOT_FOUND));
        return corrected.ok() ? "redirect:/staff/points?done=correction" : refused(model, corrected.error());
    }

    private String refused(Model model, EarningError error) {
        model.addAttribute("error", error.messageKey());
        return page(model);
    }
}

package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Language;
import kyodo.fund.access.People;
import kyodo.fund.access.UserId;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pages for group coordinators (their applications) and staff (tranches waiting for a second approver). */
@Controller
@FundPage
class GrantPages {
    private final ApplicationDesk desk;
    private final GrantOffice office;
    private final Awards awards;
    private final Problems problems;
    private final People people;

    GrantPages(ApplicationDesk desk, GrantOffice office, Awards awards, Problems problems, People people) {
        this.desk = desk;
        this.office = office;
        this.awards = awards;
        this.problems = problems;
        this.people = people;
    }

    @GetMapping("/fund/applications")
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    String mine(Model model) {
        model.addAttribute("applications", desk.mine(Actor.required()));
        return "fund/applications";
    }

    @PostMapping("/fund/applications/{id}/submit")
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    String submit(@PathVariable long id, Model model) {
        try {
            desk.submit(Actor.required(), new ApplicationId(id));
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return mine(model);
        }
        return "redirect:/fund/applications";
    }

    @GetMapping("/fund/staff/disbursements")
    @PreAuthorize("hasRole('STAFF')")
    String awaiting(Model model) {
        List<Disbursement> waiting = awards.awaitingApproval(Awards.PAGE_MAX);
        Map<UserId, String> requesters = new HashMap<>();
        for (Disbursement d : waiting) {
            requesters.computeIfAbsent(d.requestedBy(), people::nameOf);
        }
        model.addAttribute("me", Actor.required().userId());
        model.addAttribute("disbursements", waiting);
        model.addAttribute("requesters", requesters);
        return "fund/disbursements";
    }

    @PostMapping("/fund/staff/disbursements/{id}/approve")
    @PreAuthorize("hasRole('STAFF')")
    String approve(@PathVariable long id, Model model) {
        try {
            office.approve(Actor.required(), new DisbursementId(id));
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return awaiting(model);
        }
        return "redirect:/fund/staff/disbursements";
    }
}

package kyodo.fund.directory;

import kyodo.fund.access.Actor;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/**
 * The signed-in person's invitations to coordinate a group, each with accept and decline: the one place where
 * someone becomes a group's coordinator without registering it.
 */
@Controller
@FundPage
class InvitationPage {
    private static final Set<String> NOTICES = Set.of("accepted", "declined");

    private final Directory directory;
    private final Problems problems;

    InvitationPage(Directory directory, Problems problems) {
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping("/fund/invitations")
    @PreAuthorize("isAuthenticated()")
    String invitations(@RequestParam(required = false) String done, Model model) {
        if (done != null && NOTICES.contains(done)) {
            model.addAttribute("done", done);
        }
        model.addAttribute("invitations", directory.pendingFor(Actor.required()));
        return "fund/invitations";
    }

    @PostMapping("/fund/invitations/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    String accept(@PathVariable long id, Model model) {
        try {
            directory.accept(Actor.required(), new InvitationId(id));
            return "redirect:/fund/invitations?done=accepted";
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return invitations(null, model);
        }
    }

    @PostMapping("/fund/invitations/{id}/decline")
    @PreAuthorize("isAuthenticated()")
    String decline(@PathVariable long id, Model model) {
        try {
            directory.decline(Actor.required(), new InvitationId(id));
            return "redirect:/fund/invitations?done=declined";
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
            return invitations(null, model);
        }
    }
}

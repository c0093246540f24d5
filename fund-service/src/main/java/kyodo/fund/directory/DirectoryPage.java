package kyodo.fund.directory;

import kyodo.fund.problem.FundPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public directory page (団体情報バンク) of verified groups. */
@Controller
@FundPage
class DirectoryPage {
    private final Groups groups;

    DirectoryPage(Groups groups) {
        this.groups = groups;
    }

    @GetMapping("/fund/groups")
    String directory(Model model) {
        model.addAttribute("groups", groups.verified(Groups.PAGE_MAX));
        model.addAttribute("grants", groups.grantsReceived());
        return "fund/groups";
    }
}

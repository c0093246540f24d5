package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Language;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A committee member's review form for one assigned application. */
@Controller
@FundPage
class ReviewPage {
    private final ApplicationDesk desk;
    private final Committee committee;
    private final Programs programs;
    private final Problems problems;

    ReviewPage(ApplicationDesk desk, Committee committee, Programs programs, Problems problems) {
        this.desk = desk;
        this.committee = committee;
        this.programs = programs;
        this.problems = problems;
    }

    @GetMapping("/fund/review/{id}")
    @PreAuthorize("hasRole('COMMITTEE')")
    String form(@PathVariable long id, Model model) {
        Application application = desk.visible(Actor.required(), new ApplicationId(id));
        model.addAttribute("app", application);
        model.addAttribute("program", programs.find(application.program()).orElseThrow());
        return "fund/review";
    }

    /** Scores arrive as {@code score0..scoreN} and {@code comment0..commentN}, one pair per criterion. */
    @PostMapping("/fund/review/{id}")
    @PreAuthorize("hasRole('COMMITTEE')")
    String review(@PathVariable long id, @RequestParam(defaultValue = "false") boolean conflict,
                  @RequestParam Map<String, String> fields, Model model) {
        Application application = desk.visible(Actor.required(), new ApplicationId(id));
        Program program = programs.find(application.program()).orElseThrow();
        List<Reviews.Score> scores = new ArrayList<>();
        try {
            if (!conflict) {
                for (int i = 0; i < program.criteria().size(); i++) {
                    String score = fields.get("score" + i);
                    if (score == null || !score.matches("[0-9]")) {
                        throw Refused.invalid("score" + i + " must be 0.." + Program.Criterion.SCORE_MAX);
                    }
                    scores.add(new Reviews.Score(i, Integer.parseInt(score), fields.get("comment" + i)));
                }
            }
            committee.review(Actor.required(), application.id(), new Committee.ReviewForm(conflict, scores));
            model.addAttribute("done", true);
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
        }
        return form(id, model);
    }
}

package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A committee member's review form for one assigned application. The form shows what the reviewer saved (or,
 * after a mistake, what they typed), and submitting again replaces the saved review until the award is decided.
 */
@Controller
@FundPage
class ReviewPage {
    /** Notices after a redirect, by the {@code done} parameter. */
    private static final Set<String> NOTICES = Set.of("saved", "updated");
    /** A form value longer than this is not a score or comment a person typed. */
    private static final int FIELD_LENGTH_MAX = Reviews.Score.COMMENT_LENGTH_MAX * 4;

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

    /** The form's fields as shown: one score and one comment per criterion, in the program's order. */
    record ReviewInput(boolean conflict, List<String> scores, List<String> comments) {
        ReviewInput {
            scores = Collections.unmodifiableList(new ArrayList<>(scores));
            comments = Collections.unmodifiableList(new ArrayList<>(comments));
        }

        static ReviewInput of(Reviews.Review saved, int criteria) {
            List<String> scores = new ArrayList<>(Collections.nCopies(criteria, ""));
            List<String> comments = new ArrayList<>(Collections.nCopies(criteria, ""));
            for (Reviews.Score score : saved.scores()) {
                if (score.criterion() < criteria) {
                    scores.set(score.criterion(), String.valueOf(score.score()));
                    comments.set(score.criterion(), score.comment());
                }
            }
            return new ReviewInput(saved.conflict(), scores, comments);
        }

        static ReviewInput blank(int criteria) {
            return new ReviewInput(false, Collections.nCopies(criteria, ""), Collections.nCopies(criteria, ""));
        }

        static ReviewInput typed(boolean conflict, Map<String, String> fields, int criteria) {
            List<String> scores = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            for (int i = 0; i < criteria; i++) {
                scores.add(bounded(fields.get("score" + i)));
                comments.add(bounded(fields.get("comment" + i)));
            }
            return new ReviewInput(conflict, scores, comments);
        }

        boolean anythingTyped() {
            return scores.stream().anyMatch(s -> !s.isBlank()) || comments.stream().anyMatch(c -> !c.isBlank());
        }

        private static String bounded(String value) {
            if (value == null) {
                return "";
            }
            if (value.length() > FIELD_LENGTH_MAX) {
                throw new PageInputError("too-long");
            }
            return value;
        }
    }

    @GetMapping("/fund/review/{id}")
    @PreAuthorize("hasRole('COMMITTEE')")
    String form(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        Actor reviewer = Actor.required();
        Application application = desk.visible(reviewer, new ApplicationId(id));
        Program program = programs.find(application.program()).orElseThrow();
        ReviewInput input = committee.saved(reviewer, application.id())
                .map(saved -> ReviewInput.of(saved, program.criteria().size()))
                .orElse(ReviewInput.blank(program.criteria().size()));
        if (done != null && NOTICES.contains(done)) {
            model.addAttribute("done", done);
        }
        return page(model, application, program, input);
    }

    /** Scores arrive as {@code score0..scoreN} and {@code comment0..commentN}, one pair per criterion. */
    @PostMapping("/fund/review/{id}")
    @PreAuthorize("hasRole('COMMITTEE')")
    String review(@PathVariable long id, @RequestParam(defaultValue = "false") boolean conflict,
                  @RequestParam Map<String, String> fields, Model model) {
        Actor reviewer = Actor.required();
        Application application = desk.visible(reviewer, new ApplicationId(id));
        Program program = programs.find(application.program()).orElseThrow();
        ReviewInput input = ReviewInput.blank(program.criteria().size());
        try {
            input = ReviewInput.typed(conflict, fields, program.criteria().size());
            boolean replaced = committee.review(reviewer, application.id(),
                    new Committee.ReviewForm(conflict, scores(input, program)));
            return "redirect:/fund/review/" + id + "?done=" + (replaced ? "updated" : "saved");
        } catch (PageInputError error) {
            model.addAttribute("error", problems.message(error));
        } catch (Refused refused) {
            model.addAttribute("error", problems.message(refused));
        }
        return page(model, application, program, input);
    }

    /**
     * The typed scores, or the first field a person got wrong: a declared conflict with scores typed beside it is
     * refused (the scores are not dropped), and each score is a whole number 0..5.
     */
    private static List<Reviews.Score> scores(ReviewInput input, Program program) {
        List<Reviews.Score> scores = new ArrayList<>();
        if (input.conflict()) {
            if (input.anythingTyped()) {
                throw new Refused(Refusal.SCORES_WITH_CONFLICT, null);
            }
            return scores;
        }
        for (int i = 0; i < program.criteria().size(); i++) {
            String name = program.criteria().get(i).name();
            String score = digit(input.scores().get(i).strip());
            if (!score.matches("[0-" + Program.Criterion.SCORE_MAX + "]")) {
                throw new PageInputError("review-score", name, String.valueOf(Program.Criterion.SCORE_MAX));
            }
            String comment = input.comments().get(i).strip();
            if (comment.length() > Reviews.Score.COMMENT_LENGTH_MAX) {
                throw new PageInputError("review-comment", name, String.valueOf(Reviews.Score.COMMENT_LENGTH_MAX));
            }
            scores.add(new Reviews.Score(i, Integer.parseInt(score), comment));
        }
        return scores;
    }

    /** A full-width digit (typed with a Japanese input method) as its ASCII digit; anything else as it is. */
    private static String digit(String text) {
        return text.length() == 1 && text.charAt(0) >= '０' && text.charAt(0) <= '９'
                ? String.valueOf((char) ('0' + (text.charAt(0) - '０'))) : text;
    }

    private String page(Model model, Application application, Program program, ReviewInput input) {
        model.addAttribute("app", application);
        model.addAttribute("program", program);
        model.addAttribute("form", input);
        return "fund/review";
    }
}

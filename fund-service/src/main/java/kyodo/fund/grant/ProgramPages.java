package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Language;
import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import kyodo.fund.books.FundBooks;
import kyodo.fund.directory.Groups;
import kyodo.fund.problem.FundPage;
import kyodo.fund.problem.Problems;
import kyodo.fund.problem.Refused;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff pages for grant programs (Japanese first, phone-sized, plain forms that work from the keyboard): open a
 * program as a draft, revise it, publish it; then see the committee's ranking, record the award decision, open
 * the agreement PDF and request tranches (approved on {@code /fund/staff/disbursements} by another person).
 * A mistake shows the same page again with what was typed and the reason.
 */
@Controller
@FundPage
class ProgramPages {
    /** Notices after a redirect, by the {@code done} parameter; anything else shows none. */
    private static final Set<String> NOTICES = Set.of("opened", "revised", "published", "awarded", "requested");

    private final GrantOffice office;
    private final Programs programs;
    private final Committee committee;
    private final Awards awards;
    private final Applications applications;
    private final Groups groups;
    private final FundBooks books;
    private final Problems problems;
    private final People people;

    ProgramPages(GrantOffice office, Programs programs, Committee committee, Awards awards,
                 Applications applications, Groups groups, FundBooks books, Problems problems, People people) {
        this.people = people;
        this.office = office;
        this.programs = programs;
        this.committee = committee;
        this.awards = awards;
        this.applications = applications;
        this.groups = groups;
        this.books = books;
        this.problems = problems;
    }

    @GetMapping("/fund/staff/programs")
    @PreAuthorize("hasRole('STAFF')")
    String list(Model model) {
        model.addAttribute("programs", programs.all(Programs.PAGE_MAX));
        return "fund/staff-programs";
    }

    @GetMapping("/fund/staff/programs/new")
    @PreAuthorize("hasRole('STAFF')")
    String blank(Model model) {
        return form(model, ProgramInput.blank(), null);
    }

    @PostMapping("/fund/staff/programs")
    @PreAuthorize("hasRole('STAFF')")
    String open(@RequestParam MultiValueMap<String, String> params, Model model) {
        ProgramInput input = ProgramInput.blank();
        try {
            input = ProgramInput.from(params);
            Program program = office.open(Actor.required(), input.toForm());
            return "redirect:/fund/staff/programs/" + program.id().value() + "?done=opened";
        } catch (PageInputError | Refused problem) {
            model.addAttribute("error", message(problem));
            return form(model, input, null);
        }
    }

    @GetMapping("/fund/staff/programs/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String show(@PathVariable long id, @RequestParam(required = false) String done, Model model) {
        Program program = programs.find(new ProgramId(id)).orElseThrow(() -> Refused.notFound("program " + id));
        if (done != null && NOTICES.contains(done)) {
            model.addAttribute("done", done);
        }
        return program.published() ? detail(model, program) : form(model, input(program), program);
    }

    @PostMapping("/fund/staff/programs/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String revise(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        Program program = programs.find(new ProgramId(id)).orElseThrow(() -> Refused.notFound("program " + id));
        ProgramInput input = input(program);
        try {
            input = ProgramInput.from(params);
            office.revise(Actor.required(), program.id(), input.toForm());
            return "redirect:/fund/staff/programs/" + id + "?done=revised";
        } catch (PageInputError | Refused problem) {
            model.addAttribute("error", message(problem));
            Program now = programs.find(program.id()).orElseThrow();
            return now.published() ? detail(model, now) : form(model, input, now);
        }
    }

    @PostMapping("/fund/staff/programs/{id}/publish")
    @PreAuthorize("hasRole('STAFF')")
    String publish(@PathVariable long id, Model model) {
        Program program = programs.find(new ProgramId(id)).orElseThrow(() -> Refused.notFound("program " + id));
        try {
            office.publish(Actor.required(), program.id());
            return "redirect:/fund/staff/programs/" + id + "?done=published";
        } catch (Refused refused) {
            model.addAttribute("error", message(refused));
            return detail(model, programs.find(program.id()).orElseThrow());
        }
    }

    @PostMapping("/fund/staff/applications/{id}/award")
    @PreAuthorize("hasRole('STAFF')")
    String award(@PathVariable long id, @RequestParam(required = false) String amount,
                 @RequestParam(required = false) String designation, Model model) {
        Application application = applications.find(new ApplicationId(id))
                .orElseThrow(() -> Refused.notFound("application " + id));
        Program program = programs.find(application.program()).orElseThrow();
        try {
            long yen = ProgramInput.yen(amount == null ? "" : amount, "award", application.requested());
            String from = designation == null || designation.isBlank() ? null : designation;
            if (from != null && !from.equals(new Designation.ForGroup(application.group().value()).text())) {
                throw new PageInputError("source-missing");
            }
            office.award(Actor.required(), application.id(), yen, from);
            return "redirect:/fund/staff/programs/" + program.id().value() + "?done=awarded";
        } catch (PageInputError | Refused problem) {
            model.addAttribute("error", message(problem));
            model.addAttribute("errorApplication", id);
            return detail(model, program);
        }
    }

    @PostMapping("/fund/staff/awards/{id}/disbursements")
    @PreAuthorize("hasRole('STAFF')")
    String requestTranche(@PathVariable long id, @RequestParam(required = false) String amount, Model model) {
        Award award = awards.find(new AwardId(id)).orElseThrow(() -> Refused.notFound("award " + id));
        Program program = programs.find(award.program()).orElseThrow();
        try {
            long yen = ProgramInput.yen(amount == null ? "" : amount, "tranche", award.amount());
            office.request(Actor.required(), award.id(), yen);
            return "redirect:/fund/staff/programs/" + program.id().value() + "?done=requested";
        } catch (PageInputError | Refused problem) {
            model.addAttribute("error", message(problem));
            model.addAttribute("errorAward", id);
            return detail(model, program);
        }
    }

    /** An award with what the page shows beside it. */
    record AwardRow(Award award, Application application, String groupName, List<Disbursement> disbursements) {
    }

    private String detail(Model model, Program program) {
        model.addAttribute("program", program);
        model.addAttribute("ranking", committee.ranking(Actor.required(), program.id()));
        List<AwardRow> rows = new ArrayList<>();
        long committed = 0;
        for (Award award : awards.ofProgram(program.id())) {
            Application application = applications.find(award.application()).orElseThrow();
            rows.add(new AwardRow(award, application, groups.find(application.group()).map(g -> g.name())
                    .orElse(""), awards.disbursements(award.id())));
            committed = Math.addExact(committed, award.status() == Award.Status.CLOSED ? award.disbursed()
                    : award.amount());
        }
        Map<UserId, String> names = new HashMap<>();
        for (AwardRow row : rows) {
            for (Disbursement d : row.disbursements()) {
                names.computeIfAbsent(d.requestedBy(), people::nameOf);
            }
        }
        model.addAttribute("awards", rows);
        model.addAttribute("names", names);
        model.addAttribute("committed", committed);
        model.addAttribute("available", books.available(program.designation()));
        return "fund/staff-program";
    }

    private ProgramInput input(Program program) {
        return ProgramInput.of(program, people.byIds(program.reviewers()).values().stream().map(Person::username)
                .toList());
    }

    private String form(Model model, ProgramInput input, Program program) {
        model.addAttribute("input", input);
        model.addAttribute("program", program);
        model.addAttribute("fields", Field.values());
        return "fund/staff-program-form";
    }

    private String message(RuntimeException problem) {
        return problem instanceof PageInputError input ? problems.message(input) : problems.message((Refused) problem);
    }
}

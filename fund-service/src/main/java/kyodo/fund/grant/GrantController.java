package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.directory.Groups;
import kyodo.fund.problem.FundApi;
import kyodo.fund.problem.Refused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/fund/programs}, {@code applications}, {@code awards}, {@code disbursements} and public results. */
@RestController
@FundApi
class GrantController {
    private final GrantOffice office;
    private final ApplicationDesk desk;
    private final Committee committee;
    private final Programs programs;
    private final Applications applications;
    private final Awards awards;
    private final Groups groups;
    private final Agreements agreements;

    GrantController(GrantOffice office, ApplicationDesk desk, Committee committee, Programs programs,
                    Applications applications, Awards awards, Groups groups, Agreements agreements) {
        this.office = office;
        this.desk = desk;
        this.committee = committee;
        this.programs = programs;
        this.applications = applications;
        this.awards = awards;
        this.groups = groups;
        this.agreements = agreements;
    }

    // Programs

    @PostMapping("/api/fund/programs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    Program open(@RequestBody GrantOffice.ProgramForm form) {
        return office.open(Actor.required(), form);
    }

    @PutMapping("/api/fund/programs/{id}")
    @PreAuthorize("hasRole('STAFF')")
    Program revise(@PathVariable long id, @RequestBody GrantOffice.ProgramForm form) {
        return office.revise(Actor.required(), new ProgramId(id), form);
    }

    @PostMapping("/api/fund/programs/{id}/publish")
    @PreAuthorize("hasRole('STAFF')")
    Program publish(@PathVariable long id) {
        return office.publish(Actor.required(), new ProgramId(id));
    }

    /** Published programs are public; reviewer lists are not part of the public view. */
    @GetMapping("/api/fund/programs")
    List<PublicProgram> programs() {
        return programs.published(Programs.PAGE_MAX).stream().map(PublicProgram::of).toList();
    }

    @GetMapping("/api/fund/programs/{id}")
    PublicProgram program(@PathVariable long id) {
        Program program = programs.find(new ProgramId(id)).filter(Program::published)
                .orElseThrow(() -> Refused.notFound("program " + id));
        return PublicProgram.of(program);
    }

    record PublicProgram(long id, String title, String field, String designation, String description, long budget,
                         String startsOn, String endsOn, Instant deadline, List<Program.Criterion> criteria) {
        static PublicProgram of(Program p) {
            return new PublicProgram(p.id().value(), p.title(), p.field().code(), p.designation().text(),
                    p.description(), p.budget(), p.startsOn().toString(), p.endsOn().toString(), p.deadline(),
                    p.criteria());
        }
    }

    @GetMapping("/api/fund/programs/{id}/ranking")
    @PreAuthorize("hasAnyRole('STAFF', 'COMMITTEE', 'AUDITOR')")
    List<Committee.Ranked> ranking(@PathVariable long id) {
        return committee.ranking(Actor.required(), new ProgramId(id));
    }

    // Applications

    @PostMapping("/api/fund/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    Application draft(@RequestBody ApplicationDesk.Form form) {
        return desk.draft(Actor.required(), form);
    }

    @PutMapping("/api/fund/applications/{id}")
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    Application revise(@PathVariable long id, @RequestBody ApplicationDesk.Form form) {
        return desk.revise(Actor.required(), new ApplicationId(id), form);
    }

    @PostMapping("/api/fund/applications/{id}/submit")
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    Application submit(@PathVariable long id) {
        return desk.submit(Actor.required(), new ApplicationId(id));
    }

    @GetMapping("/api/fund/applications/mine")
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    List<Application> mine() {
        return desk.mine(Actor.required());
    }

    @GetMapping("/api/fund/applications/{id}")
    @PreAuthorize("hasAnyRole('GROUP_COORDINATOR', 'STAFF', 'AUDITOR', 'COMMITTEE')")
    Application application(@PathVariable long id) {
        return desk.visible(Actor.required(), new ApplicationId(id));
    }

    /** Whether a review was recorded for the first time (201) or replaced the reviewer's earlier one (200). */
    record ReviewSaved(long applicationId, boolean replaced) {
    }

    @PostMapping("/api/fund/applications/{id}/reviews")
    @PreAuthorize("hasRole('COMMITTEE')")
    ResponseEntity<ReviewSaved> review(@PathVariable long id, @RequestBody Committee.ReviewForm form) {
        boolean replaced = committee.review(Actor.required(), new ApplicationId(id), form);
        return ResponseEntity.status(replaced ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new ReviewSaved(id, replaced));
    }

    record AwardForm(Long amount, String designation) {
    }

    @PostMapping("/api/fund/applications/{id}/award")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    Award award(@PathVariable long id, @RequestBody AwardForm form) {
        return office.award(Actor.required(), new ApplicationId(id), form.amount(), form.designation());
    }

    // Awards and disbursements

    record Amount(Long amount) {
    }

    @PostMapping("/api/fund/awards/{id}/disbursements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    Disbursement request(@PathVariable long id, @RequestBody Amount amount) {
        return office.request(Actor.required(), new AwardId(id), amount.amount());
    }

    @PostMapping("/api/fund/disbursements/{id}/approve")
    @PreAuthorize("hasRole('STAFF')")
    Disbursement approve(@PathVariable long id) {
        return office.approve(Actor.required(), new DisbursementId(id));
    }

    @PostMapping("/api/fund/disbursements/{id}/reject")
    @PreAuthorize("hasRole('STAFF')")
    Disbursement reject(@PathVariable long id) {
        return office.reject(Actor.required(), new DisbursementId(id));
    }

    @PostMapping("/api/fund/awards/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    Award close(@PathVariable long id) {
        return office.close(Actor.required(), new AwardId(id));
    }

    record Summary(String summary) {
    }

    @PostMapping("/api/fund/awards/{id}/report")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('GROUP_COORDINATOR')")
    Awards.Report report(@PathVariable long id, @RequestBody Summary summary) {
        return desk.report(Actor.required(), new AwardId(id), summary.summary());
    }

    record EvaluationForm(Integer goalAchievement, String comment) {
    }

    @PostMapping("/api/fund/awards/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COMMITTEE')")
    Awards.Evaluation evaluate(@PathVariable long id, @RequestBody EvaluationForm form) {
        return committee.evaluate(Actor.required(), new AwardId(id), form.goalAchievement(), form.comment());
    }

    /** The agreement is public, like every step from proposal to evaluation. */
    @GetMapping("/api/fund/awards/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreement(@PathVariable long id) {
        Award award = awards.find(new AwardId(id)).orElseThrow(() -> Refused.notFound("award " + id));
        Application application = applications.find(award.application()).orElseThrow();
        Program program = programs.find(award.program()).orElseThrow();
        byte[] pdf = agreements.agreement(award, application, program,
                groups.find(application.group()).orElseThrow());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("agreement-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    /** Published results: every award with what was paid, the group's report and the committee's evaluations. */
    @GetMapping("/api/fund/results")
    List<Result> results() {
        List<Result> results = new ArrayList<>();
        for (Award award : awards.all(Awards.PAGE_MAX)) {
            Application application = applications.find(award.application()).orElseThrow();
            String group = groups.find(application.group()).map(g -> g.name()).orElse("");
            results.add(new Result(award.id().value(), award.program().value(), application.title(), group,
                    award.amount(), award.disbursed(), award.status().name(),
                    awards.report(award.id()).map(Awards.Report::summary).orElse(null),
                    awards.evaluations(award.id()).stream().map(e -> new PublicEvaluation(e.goalAchievement(),
                            e.comment())).toList()));
        }
        return results;
    }

    @GetMapping("/api/fund/awards/{id}/disbursements")
    @PreAuthorize("hasAnyRole('STAFF', 'AUDITOR')")
    List<Disbursement> disbursements(@PathVariable long id) {
        return awards.disbursements(new AwardId(id));
    }

    record PublicEvaluation(int goalAchievement, String comment) {
    }

    record Result(long awardId, long programId, String project, String group, long awarded, long disbursed,
                  String status, String report, List<PublicEvaluation> evaluations) {
    }
}

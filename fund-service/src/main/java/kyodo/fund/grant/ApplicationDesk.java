package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.directory.Group;
import kyodo.fund.directory.GroupId;
import kyodo.fund.directory.Groups;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a group's coordinators do: draft and submit applications before the deadline, and report results. */
@Service
public class ApplicationDesk {
    private final Programs programs;
    private final Applications applications;
    private final Awards awards;
    private final Groups groups;
    private final Clock clock;

    ApplicationDesk(Programs programs, Applications applications, Awards awards, Groups groups, Clock clock) {
        this.programs = programs;
        this.applications = applications;
        this.awards = awards;
        this.groups = groups;
        this.clock = clock;
    }

    public record Form(Long programId, Long groupId, String title, String purpose, String plan, String strengths,
                       Long requested, List<Application.BudgetLine> budget) {
    }

    @Transactional
    public Application draft(Actor coordinator, Form form) {
        Application application = validate(coordinator, form);
        return applications.find(applications.insert(application, clock.instant())).orElseThrow();
    }

    /** Replaces a draft's content; the program and group stay, and only before the deadline. */
    @Transactional
    public Application revise(Actor coordinator, ApplicationId id, Form form) {
        Application current = own(coordinator, id);
        if (current.status() != Application.Status.DRAFT) {
            throw new Refused(Refusal.WRONG_STATE, "application " + id.value() + " is " + current.status());
        }
        Inputs.required("application", form);
        Application revised = validate(coordinator, new Form(current.program().value(), current.group().value(),
                form.title(), form.purpose(), form.plan(), form.strengths(), form.requested(), form.budget()));
        if (!applications.revise(id, revised)) {
            throw new Refused(Refusal.WRONG_STATE, "application " + id.value() + " was submitted meanwhile");
        }
        return applications.find(id).orElseThrow();
    }

    private Application validate(Actor coordinator, Form form) {
        Inputs.required("application", form);
        Program program = programs.find(new ProgramId(Inputs.required("programId", form.programId())))
                .filter(Program::published).orElseThrow(() -> Refused.notFound("program " + form.programId()));
        Group group = groups.find(new GroupId(Inputs.required("groupId", form.groupId())))
                .filter(g -> g.coordinatedBy(coordinator.userId()))
                .orElseThrow(() -> new Refused(Refusal.FORBIDDEN, "you do not coordinate group " + form.groupId()));
        if (!group.verified()) {
            throw new Refused(Refusal.GROUP_NOT_VERIFIED, "group " + group.id().value() + " is not verified");
        }
        if (!program.open(clock.instant())) {
            throw new Refused(Refusal.DEADLINE_PASSED, "program " + program.id().value() + " closed at "
                    + program.deadline());
        }
        long requested = Inputs.amount("requested", form.requested(), 1, program.budget());
        List<Application.BudgetLine> lines = new ArrayList<>();
        if (form.budget() != null) {
            if (form.budget().size() > Application.BUDGET_LINES_MAX) {
                throw Refused.invalid("at most " + Application.BUDGET_LINES_MAX + " budget lines");
            }
            long total = 0;
            for (Application.BudgetLine line : form.budget()) {
                Inputs.required("budget[]", line);
                lines.add(new Application.BudgetLine(
                        Inputs.name("budget[].item", line.item(), Application.BudgetLine.ITEM_LENGTH_MAX),
                        Inputs.amount("budget[].amount", line.amount(), 1, Program.BUDGET_MAX)));
                total = Math.addExact(total, line.amount());
            }
            if (!lines.isEmpty() && total != requested) {
                throw Refused.invalid("budget lines add up to " + total + ", not the requested " + requested);
            }
        }
        return new Application(null, program.id(), group.id(),
                Inputs.name("title", form.title(), Application.TITLE_LENGTH_MAX),
                Inputs.optionalText("purpose", form.purpose(), Application.PURPOSE_LENGTH_MAX),
                Inputs.optionalText("plan", form.plan(), Application.PLAN_LENGTH_MAX),
                Inputs.optionalText("strengths", form.strengths(), Application.STRENGTHS_LENGTH_MAX),
                requested, Application.Status.DRAFT, coordinator.userId(), null, lines);
    }

    /** Submits a draft; after the program's deadline nothing is submitted. */
    @Transactional
    public Application submit(Actor coordinator, ApplicationId id) {
        Application application = own(coordinator, id);
        Program program = programs.find(application.program()).orElseThrow();
        Instant now = clock.instant();
        if (!now.isBefore(program.deadline())) {
            throw new Refused(Refusal.DEADLINE_PASSED, "the deadline was " + program.deadline());
        }
        if (!applications.submit(id, now)) {
            throw new Refused(Refusal.WRONG_STATE, "application " + id.value() + " is " + application.status());
        }
        return applications.find(id).orElseThrow();
    }

    @Transactional
    public Awards.Report report(Actor coordinator, AwardId awardId, String summary) {
        Award award = awards.find(awardId).orElseThrow(() -> Refused.notFound("award " + awardId.value()));
        own(coordinator, award.application());
        String text = Inputs.text("summary", summary, Awards.Report.SUMMARY_LENGTH_MAX);
        if (!awards.report(awardId, text, coordinator.userId(), clock.instant())) {
            throw new Refused(Refusal.WRONG_STATE, "award " + awardId.value() + " already has a report");
        }
        return awards.report(awardId).orElseThrow();
    }

    /**
     * An application as {@code actor} may see it: its group's coordinators, staff and auditors, and the
     * program's assigned reviewers once it is submitted. Everyone else: not found.
     */
    public Application visible(Actor actor, ApplicationId id) {
        Application application = applications.find(id)
                .orElseThrow(() -> Refused.notFound("application " + id.value()));
        if (actor.isAny(Role.STAFF, Role.AUDITOR) || coordinates(actor, application)) {
            return application;
        }
        if (actor.is(Role.COMMITTEE) && application.status() != Application.Status.DRAFT
                && programs.find(application.program()).orElseThrow().reviewers().contains(actor.userId())) {
            return application;
        }
        throw Refused.notFound("application " + id.value());
    }

    public List<Application> mine(Actor coordinator) {
        return applications.ofGroups(groups.coordinatedBy(coordinator.userId()));
    }

    private Application own(Actor coordinator, ApplicationId id) {
        Application application = applications.find(id)
                .orElseThrow(() -> Refused.notFound("application " + id.value()));
        if (!coordinates(coordinator, application)) {
            throw Refused.notFound("application " + id.value());
        }
        return application;
    }

    private boolean coordinates(Actor actor, Application application) {
        return actor.is(Role.GROUP_COORDINATOR) && groups.find(application.group())
                .map(g -> g.coordinatedBy(actor.userId())).orElse(false);
    }
}

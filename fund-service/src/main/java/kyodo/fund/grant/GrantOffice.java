package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.People;
import kyodo.fund.access.Person;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import kyodo.fund.books.FundBooks;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import kyodo.ledger.PendingId;
import kyodo.ledger.PostResult;
import kyodo.ledger.ResultCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What staff do with grants: open and publish programs (deadline ahead, committee members as reviewers, a budget
 * the designation can hold), decide awards after the deadline and the committee's reviews, within the program
 * budget and the designation's balance, request and approve disbursements (two different people), and close
 * awards.
 */
@Service
public class GrantOffice {
    private final Programs programs;
    private final Applications applications;
    private final Awards awards;
    private final Reviews reviews;
    private final FundBooks books;
    private final People people;
    private final Clock clock;

    GrantOffice(Programs programs, Applications applications, Awards awards, Reviews reviews, FundBooks books,
                People people, Clock clock) {
        this.programs = programs;
        this.applications = applications;
        this.awards = awards;
        this.reviews = reviews;
        this.books = books;
        this.people = people;
        this.clock = clock;
    }

    /** @param reviewers usernames of the committee members who review the program's applications */
    public record ProgramForm(String title, String field, String designation, String description, Long budget,
                              LocalDate startsOn, LocalDate endsOn, Instant deadline,
                              List<Program.Criterion> criteria, List<String> reviewers) {
    }

    @Transactional
    public Program open(Actor staff, ProgramForm form) {
        ProgramId id = programs.insert(validated(form), staff.userId(), clock.instant());
        return programs.find(id).orElseThrow();
    }

    /** Replaces a draft program's terms; a published program is fixed (the database refuses it too). */
    @Transactional
    public Program revise(Actor staff, ProgramId id, ProgramForm form) {
        Program program = programs.lock(id).orElseThrow(() -> Refused.notFound("program " + id.value()));
        if (program.published()) {
            throw new Refused(Refusal.WRONG_STATE, "program " + id.value() + " is published and can no longer change");
        }
        programs.update(id, validated(form));
        return programs.find(id).orElseThrow();
    }

    private Program validated(ProgramForm form) {
        Inputs.required("program", form);
        String title = Inputs.name("title", form.title(), Program.TITLE_LENGTH_MAX);
        Field field = Field.ofCode(form.field()).orElseThrow(() -> Refused.invalid("field is not a known field"));
        Designation designation = Designation.parse(form.designation() == null ? "field:" + field.code()
                : form.designation()).orElseThrow(() -> Refused.invalid("designation must be general or field:<field>"));
        if (designation instanceof Designation.ForGroup || !designation.canFund(field, 0)) {
            throw new Refused(Refusal.DESIGNATION_MISMATCH, "a " + field.code() + " program draws on general money "
                    + "or money designated to " + field.code());
        }
        String description = Inputs.optionalText("description", form.description(), Program.DESCRIPTION_LENGTH_MAX);
        long budget = Inputs.amount("budget", form.budget(), 1, Program.BUDGET_MAX);
        LocalDate startsOn = Inputs.required("startsOn", form.startsOn());
        LocalDate endsOn = Inputs.required("endsOn", form.endsOn());
        Instant deadline = Inputs.required("deadline", form.deadline());
        deadlineAhead(deadline);
        if (endsOn.isBefore(startsOn)) {
            throw Refused.invalid("endsOn must not be before startsOn");
        }
        List<Program.Criterion> criteria = new ArrayList<>();
        if (form.criteria() == null || form.criteria().isEmpty() || form.criteria().size() > Program.CRITERIA_MAX) {
            throw Refused.invalid("criteria must have 1.." + Program.CRITERIA_MAX + " entries");
        }
        for (Program.Criterion criterion : form.criteria()) {
            Inputs.required("criteria[]", criterion);
            criteria.add(new Program.Criterion(
                    Inputs.name("criteria[].name", criterion.name(), Program.Criterion.NAME_LENGTH_MAX),
                    (int) Inputs.amount("criteria[].weight", (long) criterion.weight(), 1,
                            Program.Criterion.WEIGHT_MAX)));
        }
        Set<UserId> reviewers = new LinkedHashSet<>();
        if (form.reviewers() != null) {
            if (form.reviewers().size() > Program.REVIEWERS_MAX) {
                throw Refused.invalid("at most " + Program.REVIEWERS_MAX + " reviewers");
            }
            for (String reviewer : form.reviewers()) {
                reviewers.add(Inputs.user(people, "reviewers[]", reviewer));
            }
            committeeMembers(reviewers);
        }
        return new Program(null, title, field, designation, description, budget, startsOn, endsOn, deadline,
                Program.Status.DRAFT, criteria, reviewers);
    }

    /**
     * Publishes a draft: its deadline is still ahead, its reviewers are committee members (at least one), and its
     * budget is within what its designation can still commit (the posted balance less awards held on it). The row
     * records when, by whom and that balance, which the database checks again.
     */
    @Transactional
    public Program publish(Actor staff, ProgramId id) {
        Program program = programs.lock(id).orElseThrow(() -> Refused.notFound("program " + id.value()));
        if (program.published()) {
            throw new Refused(Refusal.WRONG_STATE, "program " + id.value() + " is already published");
        }
        deadlineAhead(program.deadline());
        if (program.reviewers().isEmpty()) {
            throw new Refused(Refusal.NO_REVIEWERS, "program " + id.value() + " has no reviewers");
        }
        committeeMembers(program.reviewers());
        long available = books.available(program.designation());
        if (program.budget() > available) {
            throw new Refused(Refusal.BUDGET_OVER_AVAILABLE, "the budget is " + program.budget() + " yen; "
                    + program.designation().text() + " can commit " + available + " yen");
        }
        if (!programs.publish(id, clock.instant(), staff.userId(), available)) {
            throw new Refused(Refusal.WRONG_STATE, "program " + id.value() + " is already published");
        }
        return programs.find(id).orElseThrow();
    }

    private void deadlineAhead(Instant deadline) {
        if (!deadline.isAfter(clock.instant())) {
            throw new Refused(Refusal.DEADLINE_NOT_AHEAD, "the deadline " + deadline + " is not after "
                    + clock.instant());
        }
    }

    /** Reviewers are members of the committee: people who sign in with the role COMMITTEE. */
    private void committeeMembers(Set<UserId> reviewers) {
        Map<UserId, Person> found = people.byIds(reviewers);
        for (UserId reviewer : reviewers) {
            Person person = found.get(reviewer);
            if (person == null || person.role() != Role.COMMITTEE) {
                throw new Refused(Refusal.NOT_A_COMMITTEE_MEMBER, (person == null ? "user " + reviewer.value()
                        : person.username()) + " is not a committee member");
            }
        }
    }

    /**
     * Awards {@code amount} to a submitted application: within the program's budget (the program row is locked
     * so two awards cannot both squeeze in), from a designation that may fund this program and group, and held
     * on the books (the designation account refuses a hold it cannot cover).
     *
     * @param designationText {@code null} for the program's designation, or the applicant group's own
     *                        {@code group:<id>} designation
     */
    @Transactional
    public Award award(Actor staff, ApplicationId applicationId, Long amountGiven, String designationText) {
        ProgramId programId = applications.find(applicationId).map(Application::program)
                .orElseThrow(() -> Refused.notFound("application " + applicationId.value()));
        Program program = programs.lock(programId).orElseThrow();
        // Read again under the program's lock: a concurrent award of the same application has committed by now.
        Application application = applications.find(applicationId).orElseThrow();
        if (application.status() != Application.Status.SUBMITTED) {
            throw new Refused(Refusal.WRONG_STATE, "application " + applicationId.value() + " is "
                    + application.status());
        }
        Instant now = clock.instant();
        if (!now.isAfter(program.deadline())) {
            throw new Refused(Refusal.BEFORE_DEADLINE, "program " + program.id().value() + " accepts applications "
                    + "until " + program.deadline());
        }
        ReviewProgress progress = reviews.progress(applicationId);
        if (!progress.complete()) {
            throw new Refused(Refusal.REVIEWS_INCOMPLETE, progress.scored() + " of " + progress.assigned()
                    + " reviewers scored, " + progress.conflicted() + " recused, " + progress.pending()
                    + " not yet reviewed");
        }
        long amount = Inputs.amount("amount", amountGiven, 1, application.requested());
        Designation designation = designationText == null ? program.designation()
                : Designation.parse(designationText).orElseThrow(() -> Refused.invalid("designation is not valid"));
        if (!designation.canFund(program.field(), application.group().value())) {
            throw new Refused(Refusal.DESIGNATION_MISMATCH, designation.text() + " cannot fund group "
                    + application.group().value() + " in " + program.field().code());
        }
        if (Math.addExact(awards.awardedIn(program.id()), amount) > program.budget()) {
            throw new Refused(Refusal.BUDGET_EXCEEDED, "program " + program.id().value() + " has a budget of "
                    + program.budget());
        }
        if (books.available(designation) < amount) {
            throw new Refused(Refusal.INSUFFICIENT_FUNDS, designation.text() + " holds "
                    + books.available(designation));
        }
        String key = Award.keyFor(applicationId);
        PostResult held = books.commit(key, designation, amount, staff.journalActor(),
                "助成決定 申請" + applicationId.value());
        onTheBooks(held);
        AwardId id = awards.insert(applicationId, program.id(), amount, designation, key, staff.userId(), now);
        applications.awarded(applicationId);
        return awards.find(id).orElseThrow();
    }

    @Transactional
    public Disbursement request(Actor staff, AwardId awardId, Long amountGiven) {
        Award award = awards.lock(awardId).orElseThrow(() -> Refused.notFound("award " + awardId.value()));
        if (award.status() != Award.Status.ACTIVE) {
            throw new Refused(Refusal.WRONG_STATE, "award " + awardId.value() + " is closed");
        }
        long amount = Inputs.amount("amount", amountGiven, 1, Program.BUDGET_MAX);
        long free = award.remaining() - awards.requestedOpen(awardId);
        if (amount > free) {
            throw new Refused(Refusal.EXCEEDS_AWARD, "award " + awardId.value() + " has " + free
                    + " yen not yet paid or requested");
        }
        DisbursementId id = awards.request(awardId, amount, staff.userId(), clock.instant());
        return awards.disbursement(id).orElseThrow();
    }

    /** Approves a requested tranche and pays it on the books; the approver must not be the requester. */
    @Transactional
    public Disbursement approve(Actor staff, DisbursementId id) {
        Disbursement disbursement = decidable(staff, id);
        Award award = awards.lock(disbursement.award()).orElseThrow();
        if (award.status() != Award.Status.ACTIVE || disbursement.amount() > award.remaining()) {
            throw new Refused(Refusal.EXCEEDS_AWARD, "award " + award.id().value() + " holds " + award.remaining());
        }
        PostResult paid = books.disburse(disbursement.key(), award.hold(), award.designation(), disbursement.amount(),
                award.remaining(), staff.journalActor(), "助成金交付 " + id.value());
        onTheBooks(paid);
        long left = award.remaining() - disbursement.amount();
        PendingId next = left > 0 ? FundBooks.remainderHold(disbursement.key()) : null;
        awards.paid(award.id(), disbursement.amount(), next);
        awards.decided(id, Disbursement.Status.APPROVED, staff.userId(), clock.instant(), disbursement.key());
        return awards.disbursement(id).orElseThrow();
    }

    @Transactional
    public Disbursement reject(Actor staff, DisbursementId id) {
        decidable(staff, id);
        awards.decided(id, Disbursement.Status.REJECTED, staff.userId(), clock.instant(), null);
        return awards.disbursement(id).orElseThrow();
    }

    private Disbursement decidable(Actor staff, DisbursementId id) {
        Disbursement disbursement = awards.lockDisbursement(id)
                .orElseThrow(() -> Refused.notFound("disbursement " + id.value()));
        if (disbursement.requestedBy().equals(staff.userId())) {
            throw new Refused(Refusal.SAME_APPROVER, "disbursement " + id.value() + " was requested by you");
        }
        if (disbursement.status() != Disbursement.Status.REQUESTED) {
            throw new Refused(Refusal.WRONG_STATE, "disbursement " + id.value() + " is " + disbursement.status());
        }
        return disbursement;
    }

    /** Closes an award: what was not paid is released back to its designation. */
    @Transactional
    public Award close(Actor staff, AwardId id) {
        Award award = awards.lock(id).orElseThrow(() -> Refused.notFound("award " + id.value()));
        if (award.status() != Award.Status.ACTIVE) {
            throw new Refused(Refusal.WRONG_STATE, "award " + id.value() + " is closed");
        }
        if (awards.requestedOpen(id) > 0) {
            throw new Refused(Refusal.WRONG_STATE, "award " + id.value() + " has requested disbursements open");
        }
        String releaseKey = null;
        if (award.remaining() > 0) {
            releaseKey = award.releaseKey();
            onTheBooks(books.release(releaseKey, award.hold(), staff.journalActor(), "助成残額の解除 " + id.value()));
        }
        awards.closed(id, clock.instant(), releaseKey);
        return awards.find(id).orElseThrow();
    }

    static void onTheBooks(PostResult result) {
        if (result.onTheBooks()) {
            return;
        }
        throw new Refused(result.code() == ResultCode.INSUFFICIENT_FUNDS ? Refusal.INSUFFICIENT_FUNDS
                : Refusal.BOOKS_REFUSED, "the books answered " + result.code());
    }
}

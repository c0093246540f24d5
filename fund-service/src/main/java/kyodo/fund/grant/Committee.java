package kyodo.fund.grant;

import kyodo.fund.access.Actor;
import kyodo.fund.access.Role;
import kyodo.fund.access.UserId;
import kyodo.fund.directory.Groups;
import kyodo.fund.problem.Inputs;
import kyodo.fund.problem.Refusal;
import kyodo.fund.problem.Refused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The committee (協働推進会議): scoring with conflict-of-interest recusal, the ranking, and evaluations. */
@Service
public class Committee {
    private final Programs programs;
    private final Applications applications;
    private final Reviews reviews;
    private final Awards awards;
    private final Groups groups;
    private final Clock clock;

    Committee(Programs programs, Applications applications, Reviews reviews, Awards awards, Groups groups,
              Clock clock) {
        this.programs = programs;
        this.applications = applications;
        this.reviews = reviews;
        this.awards = awards;
        this.groups = groups;
        this.clock = clock;
    }

    public record ReviewForm(Boolean conflict, List<Reviews.Score> scores) {
    }

    /**
     * Records a reviewer's review, or replaces the one they saved before, until the award is decided: scores for
     * every criterion with comments, or a declared conflict without any (scores typed beside a declared conflict
     * are refused, not dropped). A reviewer who coordinates the applicant group cannot score it (the database
     * refuses it too) and may only declare the conflict.
     *
     * @return true when the review replaced one saved before
     */
    @Transactional
    public boolean review(Actor reviewer, ApplicationId id, ReviewForm form) {
        Inputs.required("review", form);
        Application application = assigned(reviewer, id);
        if (application.status() == Application.Status.DRAFT) {
            throw Refused.notFound("application " + id.value());
        }
        if (application.status() == Application.Status.AWARDED) {
            throw new Refused(Refusal.REVIEW_CLOSED, "application " + id.value() + " has been awarded");
        }
        boolean conflict = Boolean.TRUE.equals(form.conflict());
        List<Reviews.Score> given = form.scores() == null ? List.of() : form.scores();
        if (conflict && !given.isEmpty()) {
            throw new Refused(Refusal.SCORES_WITH_CONFLICT, "a declared conflict comes without scores");
        }
        boolean member = groups.find(application.group()).map(g -> g.coordinatedBy(reviewer.userId())).orElse(false);
        if (member && !conflict) {
            throw new Refused(Refusal.CONFLICT_OF_INTEREST, "reviewer " + reviewer.userId().value()
                    + " coordinates group " + application.group().value());
        }
        List<Reviews.Score> scores = new ArrayList<>();
        if (!conflict) {
            Program program = programs.find(application.program()).orElseThrow();
            Set<Integer> seen = new HashSet<>();
            for (Reviews.Score score : given) {
                Inputs.required("scores[]", score);
                if (score.criterion() < 0 || score.criterion() >= program.criteria().size()
                        || !seen.add(score.criterion())) {
                    throw Refused.invalid("scores[].criterion must name each criterion 0.."
                            + (program.criteria().size() - 1) + " once");
                }
                if (score.score() < 0 || score.score() > Program.Criterion.SCORE_MAX) {
                    throw Refused.invalid("scores[].score must be 0.." + Program.Criterion.SCORE_MAX);
                }
                scores.add(new Reviews.Score(score.criterion(), score.score(), Inputs.optionalText("scores[].comment",
                        score.comment(), Reviews.Score.COMMENT_LENGTH_MAX)));
            }
            if (seen.size() != program.criteria().size()) {
                throw Refused.invalid("every criterion needs a score");
            }
            scores.sort(Comparator.comparingInt(Reviews.Score::criterion));
        }
        return reviews.save(id, reviewer.userId(), conflict, scores, clock.instant());
    }

    /** The review {@code reviewer} saved for an application assigned to them, if any. */
    public Optional<Reviews.Review> saved(Actor reviewer, ApplicationId id) {
        assigned(reviewer, id);
        return reviews.of(id, reviewer.userId());
    }

    /**
     * One application's place: {@code scorePerMille} is the weighted score as a share of the best possible
     * (every reviewer giving every criterion the top score), in thousandths, so the ranking needs no floating point;
     * it is null while nobody has scored, and for a reviewer who is recused from the application (they do not see
     * the others' scores of it). {@code reviewers} is how many scored; {@code progress} where every assigned
     * reviewer stands.
     */
    public record Ranked(long applicationId, long groupId, String title, long requested, String status,
                         int reviewers, Long scorePerMille, Progress progress) {
    }

    /** The counts of {@link ReviewProgress}, as the ranking shows them. */
    public record Progress(int assigned, int scored, int conflicted, int pending) {
        static Progress of(ReviewProgress progress) {
            return new Progress(progress.assigned(), progress.scored(), progress.conflicted(), progress.pending());
        }
    }

    public List<Ranked> ranking(Actor actor, ProgramId id) {
        Program program = programs.find(id).orElseThrow(() -> Refused.notFound("program " + id.value()));
        boolean insider = actor.isAny(Role.STAFF, Role.AUDITOR);
        if (!insider && !program.reviewers().contains(actor.userId())) {
            throw Refused.notFound("program " + id.value());
        }
        long best = (long) program.weightTotal() * Program.Criterion.SCORE_MAX;
        List<Ranked> ranked = new ArrayList<>();
        for (Application application : applications.submittedTo(id)) {
            ReviewProgress progress = reviews.progress(application.id());
            boolean recused = !insider && progress.of(actor.userId()) == ReviewProgress.State.CONFLICT;
            Map<UserId, Long> byReviewer = new HashMap<>();
            for (Reviews.Scored scored : reviews.scores(application.id())) {
                long weighted = (long) scored.score() * program.criteria().get(scored.criterion()).weight();
                byReviewer.merge(scored.reviewer(), weighted, Math::addExact);
            }
            long total = byReviewer.values().stream().mapToLong(Long::longValue).sum();
            Long perMille = byReviewer.isEmpty() || recused ? null : total * 1000 / (best * byReviewer.size());
            ranked.add(new Ranked(application.id().value(), application.group().value(), application.title(),
                    application.requested(), application.status().name(), recused ? 0 : byReviewer.size(), perMille,
                    Progress.of(progress)));
        }
        // Scored applications by score; the others after them, in the order they arrived.
        ranked.sort(Comparator.comparing((Ranked r) -> r.scorePerMille() == null)
                .thenComparing(r -> r.scorePerMille() == null ? 0 : -r.scorePerMille())
                .thenComparingLong(Ranked::applicationId));
        return ranked;
    }

    /** An assigned reviewer evaluates goal achievement once the group has reported. */
    @Transactional
    public Awards.Evaluation evaluate(Actor reviewer, AwardId awardId, Integer goalAchievement, String comment) {
        Award award = awards.find(awardId).orElseThrow(() -> Refused.notFound("award " + awardId.value()));
        Application application = assigned(reviewer, award.application());
        if (groups.find(application.group()).map(g -> g.coordinatedBy(reviewer.userId())).orElse(false)) {
            throw new Refused(Refusal.CONFLICT_OF_INTEREST, "reviewer coordinates the group");
        }
        if (awards.report(awardId).isEmpty()) {
            throw new Refused(Refusal.WRONG_STATE, "award " + awardId.value() + " has no report yet");
        }
        int goal = (int) Inputs.amount("goalAchievement", goalAchievement == null ? null : (long) goalAchievement, 1,
                Awards.Evaluation.GOAL_ACHIEVEMENT_MAX);
        String text = Inputs.optionalText("comment", comment, Awards.Evaluation.COMMENT_LENGTH_MAX);
        if (!awards.evaluate(awardId, reviewer.userId(), goal, text, clock.instant())) {
            throw new Refused(Refusal.WRONG_STATE, "you already evaluated award " + awardId.value());
        }
        return new Awards.Evaluation(awardId, reviewer.userId(), goal, text);
    }

    private Application assigned(Actor reviewer, ApplicationId id) {
        Application application = applications.find(id)
                .orElseThrow(() -> Refused.notFound("application " + id.value()));
        Program program = programs.find(application.program()).orElseThrow();
        if (!reviewer.is(Role.COMMITTEE) || !program.reviewers().contains(reviewer.userId())) {
            throw Refused.notFound("application " + id.value());
        }
        return application;
    }
}

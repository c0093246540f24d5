package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Committee reviews: a declared conflict, or one score per criterion with a comment. A reviewer may submit again
 * until the award is decided; the new review replaces the old one (the database refuses changes after the award).
 */
@Repository
public class Reviews {
    private final JdbcClient jdbc;

    Reviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Score(int criterion, int score, String comment) {
        public static final int COMMENT_LENGTH_MAX = 1000;
    }

    /** Scores of one application: reviewer, criterion, score. */
    public record Scored(UserId reviewer, int criterion, int score) {
    }

    /** One reviewer's saved review of one application, scores in criterion order. */
    public record Review(boolean conflict, List<Score> scores, Instant reviewedAt) {
        public Review {
            scores = List.copyOf(scores);
        }
    }

    /**
     * Saves a reviewer's review, replacing an earlier one; true when it replaced one. The scores go first, so that
     * a review turning into a declared conflict never has scores and a declared conflict never gets any.
     */
    boolean save(ApplicationId application, UserId reviewer, boolean conflict, List<Score> scores, Instant at) {
        jdbc.sql("delete from fund_review_score where application_id = ? and reviewer_id = ?")
                .params(application.value(), reviewer.value()).update();
        int replaced = jdbc.sql("""
                        update fund_review set conflict_declared = ?, reviewed_at = ?
                        where application_id = ? and reviewer_id = ?""")
                .params(conflict, Timestamp.from(at), application.value(), reviewer.value()).update();
        if (replaced == 0) {
            jdbc.sql("""
                            insert into fund_review (application_id, reviewer_id, conflict_declared, reviewed_at)
                            values (?, ?, ?, ?)""")
                    .params(application.value(), reviewer.value(), conflict, Timestamp.from(at)).update();
        }
        for (Score score : scores) {
            jdbc.sql("""
                            insert into fund_review_score (application_id, reviewer_id, criterion_idx, score, comment)
                            values (?, ?, ?, ?, ?)""")
                    .params(application.value(), reviewer.value(), score.criterion(), score.score(), score.comment())
                    .update();
        }
        return replaced == 1;
    }

    /** The review {@code reviewer} saved for {@code application}, if any. */
    public Optional<Review> of(ApplicationId application, UserId reviewer) {
        Optional<Object[]> review = jdbc.sql("""
                        select conflict_declared, reviewed_at from fund_review
                        where application_id = ? and reviewer_id = ?""")
                .params(application.value(), reviewer.value())
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getTimestamp(2).toInstant()}).optional();
        if (review.isEmpty()) {
            return Optional.empty();
        }
        List<Score> scores = jdbc.sql("""
                        select criterion_idx, score, comment from fund_review_score
                        where application_id = ? and reviewer_id = ? order by criterion_idx""")
                .params(application.value(), reviewer.value())
                .query((rs, n) -> new Score(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
        return Optional.of(new Review((Boolean) review.get()[0], scores, (Instant) review.get()[1]));
    }

    public List<Scored> scores(ApplicationId application) {
        return jdbc.sql("""
                        select reviewer_id, criterion_idx, score from fund_review_score where application_id = ?
                        order by reviewer_id, criterion_idx""")
                .param(application.value())
                .query((rs, n) -> new Scored(new UserId(rs.getLong(1)), rs.getInt(2), rs.getInt(3))).list();
    }

    /**
     * Each assigned reviewer's state on {@code application}, by the rule the award's trigger repeats: recused when
     * they declared a conflict or coordinate the applicant group, scored when they scored every criterion.
     */
    public ReviewProgress progress(ApplicationId application) {
        Map<UserId, ReviewProgress.State> states = new HashMap<>();
        jdbc.sql("""
                        select r.reviewer_id,
                               coalesce(v.conflict_declared, false)
                                   or exists (select 1 from fund_group_member m
                                               where m.group_id = a.group_id and m.user_id = r.reviewer_id),
                               (select count(*) from fund_review_score s
                                 where s.application_id = a.id and s.reviewer_id = r.reviewer_id),
                               (select count(*) from fund_program_criterion c where c.program_id = a.program_id)
                          from fund_application a
                          join fund_program_reviewer r on r.program_id = a.program_id
                          left join fund_review v on v.application_id = a.id and v.reviewer_id = r.reviewer_id
                         where a.id = ?""")
                .param(application.value()).query(rs -> {
                    long scores = rs.getLong(3);
                    long criteria = rs.getLong(4);
                    ReviewProgress.State state = rs.getBoolean(2) ? ReviewProgress.State.CONFLICT
                            : criteria > 0 && scores == criteria ? ReviewProgress.State.SCORED
                            : ReviewProgress.State.PENDING;
                    states.put(new UserId(rs.getLong(1)), state);
                });
        return new ReviewProgress(states);
    }
}

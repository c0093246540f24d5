package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Committee reviews: a declared conflict, or one score per criterion with a comment. */
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

    /** False when the reviewer already reviewed this application. */
    boolean insert(ApplicationId application, UserId reviewer, boolean conflict, List<Score> scores, Instant at) {
        int inserted = jdbc.sql("""
                        insert into fund_review (application_id, reviewer_id, conflict_declared, reviewed_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .params(application.value(), reviewer.value(), conflict, Timestamp.from(at)).update();
        if (inserted == 0) {
            return false;
        }
        for (Score score : scores) {
            jdbc.sql("""
                            insert into fund_review_score (application_id, reviewer_id, criterion_idx, score, comment)
                            values (?, ?, ?, ?, ?)""")
                    .params(application.value(), reviewer.value(), score.criterion(), score.score(), score.comment())
                    .update();
        }
        return true;
    }

    public List<Scored> scores(ApplicationId application) {
        return jdbc.sql("""
                        select reviewer_id, criterion_idx, score from fund_review_score where application_id = ?
                        order by reviewer_id, criterion_idx""")
                .param(application.value())
                .query((rs, n) -> new Scored(new UserId(rs.getLong(1)), rs.getInt(2), rs.getInt(3))).list();
    }
}

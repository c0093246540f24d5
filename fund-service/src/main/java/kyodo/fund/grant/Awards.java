package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.ledger.PendingId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Awards, their disbursements, the groups' final reports and the committee's evaluations. */
@Repository
public class Awards {
    public static final int PAGE_MAX = 500;

    private final JdbcClient jdbc;

    Awards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AwardId insert(ApplicationId application, ProgramId program, long amount, Designation designation, String key,
                   UserId by, Instant at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_award (application_id, program_id, amount, designation, award_key, hold_key,
                            hold_leg, remaining, status, decided_by, decided_at)
                        values (:application, :program, :amount, :designation, :key, :key, 0, :amount, 'ACTIVE',
                            :by, :at)""")
                .param("application", application.value()).param("program", program.value())
                .param("amount", amount).param("designation", designation.text()).param("key", key)
                .param("by", by.value()).param("at", Timestamp.from(at)).update(id, "id");
        return new AwardId(id.getKey().longValue());
    }

    /** What the program has committed so far: active awards in full, closed ones as far as they were paid. */
    long awardedIn(ProgramId program) {
        return jdbc.sql("""
                        select coalesce(sum(case when status = 'CLOSED' then disbursed else amount end), 0)
                        from fund_award where program_id = ?""")
                .param(program.value()).query(Long.class).single();
    }

    public Optional<Award> find(AwardId id) {
        return jdbc.sql("select * from fund_award where id = ?").param(id.value()).query(Awards::row).optional();
    }

    Optional<Award> lock(AwardId id) {
        return jdbc.sql("select * from fund_award where id = ? for update").param(id.value()).query(Awards::row)
                .optional();
    }

    public List<Award> ofProgram(ProgramId program) {
        return jdbc.sql("select * from fund_award where program_id = ? order by id limit ?")
                .params(program.value(), PAGE_MAX).query(Awards::row).list();
    }

    public List<Award> all(int limit) {
        return jdbc.sql("select * from fund_award order by id limit ?").param(Math.min(limit, PAGE_MAX))
                .query(Awards::row).list();
    }

    void paid(AwardId id, long amount, PendingId nextHold) {
        jdbc.sql("""
                        update fund_award set remaining = remaining - :amount, disbursed = disbursed + :amount,
                            hold_key = :holdKey, hold_leg = :holdLeg, version = version + 1
                        where id = :id""")
                .param("amount", amount).param("holdKey", nextHold == null ? null : nextHold.entry().value())
                .param("holdLeg", nextHold == null ? null : nextHold.leg()).param("id", id.value()).update();
    }

    void closed(AwardId id, Instant at, String releaseKey) {
        jdbc.sql("""
                        update fund_award set status = 'CLOSED', remaining = 0, hold_key = null, hold_leg = null,
                            closed_at = ?, release_key = ?, version = version + 1
                        where id = ? and status = 'ACTIVE'""")
                .params(Timestamp.from(at), releaseKey, id.value()).update();
    }

    // Disbursements

    DisbursementId request(AwardId award, long amount, UserId by, Instant at) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_disbursement (award_id, amount, status, requested_by, requested_at)
                        values (?, ?, 'REQUESTED', ?, ?)""")
                .params(award.value(), amount, by.value(), Timestamp.from(at)).update(id, "id");
        return new DisbursementId(id.getKey().longValue());
    }

    long requestedOpen(AwardId award) {
        return jdbc.sql("select coalesce(sum(amount), 0) from fund_disbursement where award_id = ? and status = 'REQUESTED'")
                .param(award.value()).query(Long.class).single();
    }

    Optional<Disbursement> lockDisbursement(DisbursementId id) {
        return jdbc.sql("select * from fund_disbursement where id = ? for update").param(id.value())
                .query(Awards::disbursement).optional();
    }

    public Optional<Disbursement> disbursement(DisbursementId id) {
        return jdbc.sql("select * from fund_disbursement where id = ?").param(id.value())
                .query(Awards::disbursement).optional();
    }

    public List<Disbursement> awaitingApproval(int limit) {
        return jdbc.sql("select * from fund_disbursement where status = 'REQUESTED' order by id limit ?")
                .param(Math.min(limit, PAGE_MAX)).query(Awards::disbursement).list();
    }

    public List<Disbursement> disbursements(AwardId award) {
        return jdbc.sql("select * from fund_disbursement where award_id = ? order by id").param(award.value())
                .query(Awards::disbursement).list();
    }

    void decided(DisbursementId id, Disbursement.Status status, UserId by, Instant at, String entryKey) {
        jdbc.sql("""
                        update fund_disbursement set status = ?, decided_by = ?, decided_at = ?, entry_key = ?,
                            version = version + 1
                        where id = ? and status = 'REQUESTED'""")
                .params(status.name(), by.value(), Timestamp.from(at), entryKey, id.value()).update();
    }

    // Results

    public record Report(AwardId award, String summary, UserId submittedBy, Instant submittedAt) {
        public static final int SUMMARY_LENGTH_MAX = 8000;
    }

    public record Evaluation(AwardId award, UserId evaluator, int goalAchievement, String comment) {
        public static final int COMMENT_LENGTH_MAX = 2000;
        public static final int GOAL_ACHIEVEMENT_MAX = 5;
    }

    boolean report(AwardId award, String summary, UserId by, Instant at) {
        return jdbc.sql("""
                        insert into fund_report (award_id, summary, submitted_by, submitted_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(award.value(), summary, by.value(), Timestamp.from(at)).update() == 1;
    }

    public Optional<Report> report(AwardId award) {
        return jdbc.sql("select * from fund_report where award_id = ?").param(award.value())
                .query((rs, n) -> new Report(award, rs.getString("summary"), new UserId(rs.getLong("submitted_by")),
                        rs.getTimestamp("submitted_at").toInstant())).optional();
    }

    boolean evaluate(AwardId award, UserId evaluator, int goal, String comment, Instant at) {
        return jdbc.sql("""
                        insert into fund_evaluation (award_id, evaluator_id, goal_achievement, comment, evaluated_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(award.value(), evaluator.value(), goal, comment, Timestamp.from(at)).update() == 1;
    }

    public List<Evaluation> evaluations(AwardId award) {
        return jdbc.sql("select * from fund_evaluation where award_id = ? order by evaluator_id").param(award.value())
                .query((rs, n) -> new Evaluation(award, new UserId(rs.getLong("evaluator_id")),
                        rs.getInt("goal_achievement"),
                        rs.getString("comment"))).list();
    }

    private static Award row(ResultSet rs, int n) throws SQLException {
        return new Award(new AwardId(rs.getLong("id")), new ApplicationId(rs.getLong("application_id")),
                new ProgramId(rs.getLong("program_id")), rs.getLong("amount"),
                Designation.parse(rs.getString("designation")).orElseThrow(), rs.getString("award_key"),
                Award.hold(rs.getString("hold_key"), (Integer) rs.getObject("hold_leg", Integer.class)),
                rs.getLong("remaining"), rs.getLong("disbursed"), Award.Status.valueOf(rs.getString("status")),
                new UserId(rs.getLong("decided_by")), rs.getTimestamp("decided_at").toInstant());
    }

    private static Disbursement disbursement(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Disbursement(new DisbursementId(rs.getLong("id")), new AwardId(rs.getLong("award_id")),
                rs.getLong("amount"), Disbursement.Status.valueOf(rs.getString("status")),
                new UserId(rs.getLong("requested_by")), rs.getTimestamp("requested_at").toInstant(),
                decided == null ? null : new UserId(rs.getLong("decided_by")),
                decided == null ? null : decided.toInstant(),
                rs.getString("entry_key"));
    }
}

package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Applications with their budget lines. */
@Repository
public class Applications {
    public static final int PAGE_MAX = 500;

    private final JdbcClient jdbc;

    Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApplicationId insert(Application a, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_application (program_id, group_id, title, purpose, plan, strengths,
                            requested_amount, status, created_by, created_at)
                        values (:program, :group, :title, :purpose, :plan, :strengths, :requested, 'DRAFT', :by, :at)""")
                .param("program", a.program().value()).param("group", a.group().value()).param("title", a.title())
                .param("purpose", a.purpose()).param("plan", a.plan()).param("strengths", a.strengths())
                .param("requested", a.requested()).param("by", a.createdBy().value()).param("at", Timestamp.from(at))
                .update(key, "id");
        ApplicationId id = new ApplicationId(key.getKey().longValue());
        for (int i = 0; i < a.budget().size(); i++) {
            jdbc.sql("insert into fund_application_budget_line (application_id, idx, item, amount) values (?, ?, ?, ?)")
                    .params(id.value(), i, a.budget().get(i).item(), a.budget().get(i).amount()).update();
        }
        return id;
    }

    /** Replaces a draft's content and budget lines; false when it is no longer a draft. */
    boolean revise(ApplicationId id, Application a) {
        int updated = jdbc.sql("""
                        update fund_application set title = :title, purpose = :purpose, plan = :plan,
                            strengths = :strengths, requested_amount = :requested, version = version + 1
                        where id = :id and status = 'DRAFT'""")
                .param("title", a.title()).param("purpose", a.purpose()).param("plan", a.plan())
                .param("strengths", a.strengths()).param("requested", a.requested()).param("id", id.value())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from fund_application_budget_line where application_id = ?").param(id.value()).update();
        for (int i = 0; i < a.budget().size(); i++) {
            jdbc.sql("insert into fund_application_budget_line (application_id, idx, item, amount) values (?, ?, ?, ?)")
                    .params(id.value(), i, a.budget().get(i).item(), a.budget().get(i).amount()).update();
        }
        return true;
    }

    boolean submit(ApplicationId id, Instant at) {
        return jdbc.sql("""
                        update fund_application set status = 'SUBMITTED', submitted_at = ?, version = version + 1
                        where id = ? and status = 'DRAFT'""")
                .params(Timestamp.from(at), id.value()).update() == 1;
    }

    boolean awarded(ApplicationId id) {
        return jdbc.sql("""
                        update fund_application set status = 'AWARDED', version = version + 1
                        where id = ? and status = 'SUBMITTED'""")
                .param(id.value()).update() == 1;
    }

    public Optional<Application> find(ApplicationId id) {
        return jdbc.sql("select * from fund_application where id = ?").param(id.value()).query(this::row).optional();
    }

    public List<Application> submittedTo(ProgramId program) {
        return jdbc.sql("""
                        select * from fund_application where program_id = ? and status <> 'DRAFT'
                        order by id limit ?""")
                .params(program.value(), PAGE_MAX).query(this::row).list();
    }

    /**
     * Submitted applications in programs the reviewer is assigned to that they have neither scored nor declared a
     * conflict on: what waits for them on their home page.
     */
    public List<Application> awaitingReviewBy(UserId reviewer, int limit) {
        return jdbc.sql("""
                        select a.* from fund_application a
                        join fund_program_reviewer r on r.program_id = a.program_id and r.reviewer_id = :reviewer
                        where a.status = 'SUBMITTED'
                          and not exists (select 1 from fund_review v
                                          where v.application_id = a.id and v.reviewer_id = :reviewer)
                        order by a.id limit :limit""")
                .param("reviewer", reviewer.value()).param("limit", Math.min(limit, PAGE_MAX))
                .query(this::row).list();
    }

    public List<Application> ofGroups(Collection<GroupId> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from fund_application where group_id in (:groups) order by id desc limit :limit")
                .param("groups", groups.stream().map(GroupId::value).toList()).param("limit", PAGE_MAX)
                .query(this::row).list();
    }

    private Application row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Application.BudgetLine> lines = jdbc.sql(
                        "select item, amount from fund_application_budget_line where application_id = ? order by idx")
                .param(id).query((l, i) -> new Application.BudgetLine(l.getString(1), l.getLong(2))).list();
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Application(new ApplicationId(id), new ProgramId(rs.getLong("program_id")),
                new GroupId(rs.getLong("group_id")), rs.getString("title"), rs.getString("purpose"),
                rs.getString("plan"), rs.getString("strengths"), rs.getLong("requested_amount"),
                Application.Status.valueOf(rs.getString("status")), new UserId(rs.getLong("created_by")),
                submitted == null ? null : submitted.toInstant(), lines);
    }
}

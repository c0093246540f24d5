package kyodo.fund.grant;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import kyodo.fund.books.Field;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Grant programs with their criteria and assigned reviewers. */
@Repository
public class Programs {
    public static final int PAGE_MAX = 200;

    private final JdbcClient jdbc;

    Programs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProgramId insert(Program p, UserId by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_program (title, field, designation, description, budget, starts_on, ends_on,
                            deadline, status, created_by, created_at)
                        values (:title, :field, :designation, :description, :budget, :startsOn, :endsOn, :deadline,
                            'DRAFT', :by, :at)""")
                .param("title", p.title()).param("field", p.field().code())
                .param("designation", p.designation().text()).param("description", p.description())
                .param("budget", p.budget()).param("startsOn", Date.valueOf(p.startsOn()))
                .param("endsOn", Date.valueOf(p.endsOn())).param("deadline", Timestamp.from(p.deadline()))
                .param("by", by.value()).param("at", Timestamp.from(at)).update(key, "id");
        ProgramId id = new ProgramId(key.getKey().longValue());
        insertParts(id, p);
        return id;
    }

    /** Replaces a draft's terms, criteria and reviewers; false when it is no longer a draft. */
    boolean update(ProgramId id, Program p) {
        int updated = jdbc.sql("""
                        update fund_program set title = :title, field = :field, designation = :designation,
                            description = :description, budget = :budget, starts_on = :startsOn, ends_on = :endsOn,
                            deadline = :deadline, version = version + 1
                        where id = :id and status = 'DRAFT'""")
                .param("title", p.title()).param("field", p.field().code())
                .param("designation", p.designation().text()).param("description", p.description())
                .param("budget", p.budget()).param("startsOn", Date.valueOf(p.startsOn()))
                .param("endsOn", Date.valueOf(p.endsOn())).param("deadline", Timestamp.from(p.deadline()))
                .param("id", id.value()).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from fund_program_criterion where program_id = ?").param(id.value()).update();
        jdbc.sql("delete from fund_program_reviewer where program_id = ?").param(id.value()).update();
        insertParts(id, p);
        return true;
    }

    private void insertParts(ProgramId id, Program p) {
        for (int i = 0; i < p.criteria().size(); i++) {
            jdbc.sql("insert into fund_program_criterion (program_id, idx, name, weight) values (?, ?, ?, ?)")
                    .params(id.value(), i, p.criteria().get(i).name(), p.criteria().get(i).weight()).update();
        }
        for (UserId reviewer : p.reviewers()) {
            jdbc.sql("insert into fund_program_reviewer (program_id, reviewer_id) values (?, ?)")
                    .params(id.value(), reviewer.value()).update();
        }
    }

    /**
     * Publishes a draft, recording when, by whom and what its designation could still commit then (the database
     * checks the deadline and the budget against them); false when it is no longer a draft.
     */
    boolean publish(ProgramId id, Instant at, UserId by, long available) {
        return jdbc.sql("""
                        update fund_program set status = 'PUBLISHED', published_at = ?, published_by = ?,
                            published_available = ?, version = version + 1
                        where id = ? and status = 'DRAFT'""")
                .params(Timestamp.from(at), by.value(), available, id.value()).update() == 1;
    }

    public Optional<Program> find(ProgramId id) {
        return jdbc.sql("select * from fund_program where id = ?").param(id.value()).query(this::row).optional();
    }

    /** Locks the program row: awards for one program are decided one at a time, so the budget holds. */
    Optional<Program> lock(ProgramId id) {
        return jdbc.sql("select * from fund_program where id = ? for update").param(id.value()).query(this::row)
                .optional();
    }

    /** Every program, drafts first, then the newest deadline first: the staff's list. */
    public List<Program> all(int limit) {
        return jdbc.sql("""
                        select * from fund_program order by status = 'PUBLISHED', deadline desc, id desc limit ?""")
                .param(Math.min(limit, PAGE_MAX)).query(this::row).list();
    }

    public List<Program> published(int limit) {
        return jdbc.sql("select * from fund_program where status = 'PUBLISHED' order by deadline desc, id limit ?")
                .param(Math.min(limit, PAGE_MAX)).query(this::row).list();
    }

    private Program row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Program.Criterion> criteria = jdbc.sql(
                        "select name, weight from fund_program_criterion where program_id = ? order by idx")
                .param(id).query((c, i) -> new Program.Criterion(c.getString(1), c.getInt(2))).list();
        Set<UserId> reviewers = Set.copyOf(jdbc.sql(
                        "select reviewer_id from fund_program_reviewer where program_id = ?")
                .param(id).query((r, i) -> new UserId(r.getLong(1))).list());
        return new Program(new ProgramId(id), rs.getString("title"), Field.ofCode(rs.getString("field")).orElseThrow(),
                Designation.parse(rs.getString("designation")).orElseThrow(), rs.getString("description"),
                rs.getLong("budget"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getTimestamp("deadline").toInstant(), Program.Status.valueOf(rs.getString("status")), criteria,
                reviewers);
    }
}

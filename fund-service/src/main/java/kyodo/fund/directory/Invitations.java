package kyodo.fund.directory;

import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invitations to coordinate a group, pending until the invitee answers (the database keeps every answer). */
@Repository
public class Invitations {
    public static final int PAGE_MAX = 100;

    private final JdbcClient jdbc;

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A pending invitation, or empty when {@code invitee} already has one to this group. */
    Optional<InvitationId> invite(GroupId group, UserId invitee, UserId by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        insert into fund_group_invitation (group_id, invitee_id, invited_by, invited_at, status)
                        values (?, ?, ?, ?, 'PENDING') on conflict do nothing""")
                .params(group.value(), invitee.value(), by.value(), Timestamp.from(at)).update(key, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(new InvitationId(key.getKey().longValue()));
    }

    /** Answers a pending invitation; false when it was answered already. */
    boolean answer(InvitationId id, Invitation.Status status, Instant at) {
        return jdbc.sql("""
                        update fund_group_invitation set status = ?, answered_at = ?, version = version + 1
                        where id = ? and status = 'PENDING'""")
                .params(status.name(), Timestamp.from(at), id.value()).update() == 1;
    }

    Optional<Invitation> lock(InvitationId id) {
        return jdbc.sql("select * from fund_group_invitation where id = ? for update").param(id.value())
                .query(Invitations::row).optional();
    }

    public Optional<Invitation> find(InvitationId id) {
        return jdbc.sql("select * from fund_group_invitation where id = ?").param(id.value())
                .query(Invitations::row).optional();
    }

    /** What {@code invitee} has not answered yet, oldest first. */
    public List<Invitation> pendingFor(UserId invitee) {
        return jdbc.sql("""
                        select * from fund_group_invitation where invitee_id = ? and status = 'PENDING'
                        order by id limit ?""")
                .params(invitee.value(), PAGE_MAX).query(Invitations::row).list();
    }

    /** The group's invitations nobody has answered yet. */
    public List<Invitation> pendingOf(GroupId group) {
        return jdbc.sql("""
                        select * from fund_group_invitation where group_id = ? and status = 'PENDING'
                        order by id limit ?""")
                .params(group.value(), PAGE_MAX).query(Invitations::row).list();
    }

    private static Invitation row(ResultSet rs, int n) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Invitation(new InvitationId(rs.getLong("id")), new GroupId(rs.getLong("group_id")),
                new UserId(rs.getLong("invitee_id")), new UserId(rs.getLong("invited_by")),
                rs.getTimestamp("invited_at").toInstant(), Invitation.Status.valueOf(rs.getString("status")),
                answered == null ? null : answered.toInstant());
    }
}

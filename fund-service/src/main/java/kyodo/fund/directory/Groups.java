package kyodo.fund.directory;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Field;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one group registry (団体情報バンク): registered groups and their coordinating members. */
@Repository
public class Groups {
    public static final int PAGE_MAX = 200;

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a group with its registrant as its first coordinator. */
    @Transactional
    GroupId register(String name, GroupType type, String representative, String contact, Field field,
                     String description, UserId registeredBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_group (name, type, representative, contact, field, description, status,
                                                registered_by, registered_at)
                        values (:name, :type, :representative, :contact, :field, :description, 'REGISTERED',
                                :registeredBy, :at)""")
                .param("name", name).param("type", type.name()).param("representative", representative)
                .param("contact", contact).param("field", field.code()).param("description", description)
                .param("registeredBy", registeredBy.value()).param("at", Timestamp.from(at))
                .update(key, "id");
        GroupId id = new GroupId(key.getKey().longValue());
        addCoordinator(id, registeredBy);
        return id;
    }

    /** Adds a coordinator: the registrant, or someone who accepted an invitation (the database checks which). */
    void addCoordinator(GroupId group, UserId member) {
        jdbc.sql("insert into fund_group_member (group_id, user_id) values (?, ?) on conflict do nothing")
                .params(group.value(), member.value()).update();
    }

    /** Decides a registered group with what was checked; false when it was already decided. */
    boolean decide(GroupId id, Group.Status status, UserId by, Instant at, String note) {
        return jdbc.sql("""
                        update fund_group set status = :status, verified_by = :by, verified_at = :at,
                               verification_note = :note, version = version + 1
                        where id = :id and status = 'REGISTERED'""")
                .param("status", status.name()).param("by", by.value()).param("at", Timestamp.from(at))
                .param("note", note).param("id", id.value()).update() == 1;
    }

    public Optional<Group> find(GroupId id) {
        return jdbc.sql("select * from fund_group where id = ?").param(id.value())
                .query((rs, n) -> row(rs)).optional().map(this::withMembers);
    }

    public List<Group> verified(int limit) {
        return jdbc.sql("select * from fund_group where status = 'VERIFIED' order by name, id limit ?")
                .param(Math.min(limit, PAGE_MAX)).query((rs, n) -> row(rs)).list().stream()
                .map(this::withMembers).toList();
    }

    public List<Group> awaitingVerification(int limit) {
        return jdbc.sql("select * from fund_group where status = 'REGISTERED' order by id limit ?")
                .param(Math.min(limit, PAGE_MAX)).query((rs, n) -> row(rs)).list().stream()
                .map(this::withMembers).toList();
    }

    /** Grants awarded to each group so far (yen), for the directory: what the fund gave whom is public. */
    public Map<GroupId, Long> grantsReceived() {
        Map<GroupId, Long> received = new HashMap<>();
        jdbc.sql("""
                        select a.group_id, sum(w.amount) from fund_award w
                        join fund_application a on a.id = w.application_id group by a.group_id""")
                .query((rs, n) -> received.put(new GroupId(rs.getLong(1)), rs.getLong(2))).list();
        return received;
    }

    /** The groups {@code userId} coordinates. */
    public Set<GroupId> coordinatedBy(UserId userId) {
        return new HashSet<>(jdbc.sql("select group_id from fund_group_member where user_id = ?")
                .param(userId.value()).query((rs, n) -> new GroupId(rs.getLong(1))).list());
    }

    /** Whether {@code userId} is one of the coordinators of {@code group}: who may act for it and spend its wallet. */
    public boolean isCoordinator(GroupId group, UserId userId) {
        return jdbc.sql("select exists (select 1 from fund_group_member where group_id = ? and user_id = ?)")
                .params(group.value(), userId.value()).query(Boolean.class).single();
    }

    private Group withMembers(Group group) {
        List<UserId> members = new ArrayList<>(jdbc.sql(
                        "select user_id from fund_group_member where group_id = ? order by user_id")
                .param(group.id().value()).query((rs, n) -> new UserId(rs.getLong(1))).list());
        return new Group(group.id(), group.name(), group.type(), group.representative(), group.contact(),
                group.field(), group.description(), group.status(), group.registeredBy(), group.registeredAt(),
                group.verifiedBy(), group.verifiedAt(), group.verificationNote(), Set.copyOf(members));
    }

    private static Group row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        return new Group(new GroupId(rs.getLong("id")), rs.getString("name"), GroupType.valueOf(rs.getString("type")),
                rs.getString("representative"), rs.getString("contact"),
                Field.ofCode(rs.getString("field")).orElseThrow(), rs.getString("description"),
                Group.Status.valueOf(rs.getString("status")), new UserId(rs.getLong("registered_by")),
                rs.getTimestamp("registered_at").toInstant(), userId(rs, "verified_by"),
                verifiedAt == null ? null : verifiedAt.toInstant(), rs.getString("verification_note"), Set.of());
    }

    private static UserId userId(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long id = rs.getLong(column);
        return rs.wasNull() ? null : new UserId(id);
    }
}

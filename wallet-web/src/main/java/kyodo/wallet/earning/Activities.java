package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activities, sign-ups, check-ins and confirmed hours (V12). Database constraints repeat every rule. */
@Repository
public class Activities {
    public static final int LIST_MAX = 200;
    private static final String ACTIVITY = """
            select a.*, g.name as group_name from activity a join fund_group g on g.id = a.group_id""";

    private final JdbcClient jdbc;

    Activities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes an activity as given. The board checks the form first (and refuses a start in the past); this is for
     * it, for demo data and for tests that need activities that already took place. The database still refuses a
     * group that is not verified and a time range that is not one.
     */
    public long create(GroupId groupId, String title, String description, String place, Instant startsAt,
                       Instant endsAt,
                int slots, long pointsPerHour, UserId createdBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into activity (group_id, title, description, place, starts_at, ends_at, slots,
                                              points_per_hour, created_by, created_at)
                        values (:group, :title, :description, :place, :starts, :ends, :slots, :rate, :by, :at)""")
                .param("group", groupId.value()).param("title", title).param("description", description)
                .param("place", place).param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
                .param("slots", slots).param("rate", pointsPerHour).param("by", createdBy.value())
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Activity> find(long id) {
        return jdbc.sql(ACTIVITY + " where a.id = ?").param(id).query((rs, n) -> activity(rs)).optional();
    }

    /** Activities that have not ended, soonest first. */
    public List<Activity> upcoming(Instant now, int limit) {
        return jdbc.sql(ACTIVITY + " where a.ends_at > ? order by a.starts_at, a.id limit ?")
                .params(Timestamp.from(now), Math.min(limit, LIST_MAX)).query((rs, n) -> activity(rs)).list();
    }

    /** The groups' activities, newest first. */
    public List<Activity> ofGroups(Collection<GroupId> groupIds, int limit) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        List<Long> groups = groupIds.stream().map(GroupId::value).toList();
        return jdbc.sql(ACTIVITY + " where a.group_id in (:groups) order by a.starts_at desc, a.id desc limit :limit")
                .param("groups", groups).param("limit", Math.min(limit, LIST_MAX))
                .query((rs, n) -> activity(rs)).list();
    }

    /** The activities a resident signed up for. */
    public List<Long> signedUpBy(UserId residentId) {
        return jdbc.sql("select activity_id from activity_signup where resident_id = ?").param(residentId.value())
                .query((rs, n) -> rs.getLong(1)).list();
    }

    /**
     * Writes a sign-up. The board refuses late, full or overlapping ones with a message first; the database refuses
     * full and overlapping ones again whoever writes.
     */
    public void signUp(long activityId, UserId residentId, Instant at) {
        jdbc.sql("""
                        insert into activity_signup (activity_id, resident_id, during, signed_up_at)
                        values (?, ?, 'empty', ?)""")
                .params(activityId, residentId.value(), Timestamp.from(at)).update();
    }

    public boolean signedUp(long activityId, UserId residentId) {
        return jdbc.sql("select count(*) from activity_signup where activity_id = ? and resident_id = ?")
                .params(activityId, residentId.value()).query(Long.class).single() > 0;
    }

    /** Whether the resident is signed up for another activity whose time overlaps {@code [from, to)}. */
    boolean overlapsSignUp(UserId residentId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from activity_signup
                        where resident_id = ? and during && tstzrange(?, ?)""")
                .params(residentId.value(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single() > 0;
    }

    boolean overlapsAttendance(UserId residentId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from activity_attendance
                        where resident_id = ? and status = 'ISSUED' and during && tstzrange(?, ?)""")
                .params(residentId.value(), Timestamp.from(from), Timestamp.from(to)).query(Long.class).single() > 0;
    }

    /** Sign-ups of an activity with names, check-ins and confirmations, in sign-up order. */
    public List<SignUp> signUps(long activityId) {
        Map<UserId, Attendance> confirmed = new HashMap<>();
        for (Attendance a : jdbc.sql("select * from activity_attendance where activity_id = ?").param(activityId)
                .query((rs, n) -> attendance(rs)).list()) {
            confirmed.put(a.residentId(), a);
        }
        return jdbc.sql("""
                        select s.activity_id, s.resident_id, u.display_name, s.signed_up_at,
                               (select at from activity_check c where c.activity_id = s.activity_id
                                  and c.resident_id = s.resident_id and c.direction = 'IN') as checked_in,
                               (select at from activity_check c where c.activity_id = s.activity_id
                                  and c.resident_id = s.resident_id and c.direction = 'OUT') as checked_out
                        from activity_signup s join app_user u on u.id = s.resident_id
                        where s.activity_id = ? order by s.signed_up_at, s.resident_id""")
                .param(activityId).query((rs, n) -> {
                    UserId resident = new UserId(rs.getLong("resident_id"));
                    return new SignUp(rs.getLong("activity_id"), resident, rs.getString("display_name"),
                            rs.getTimestamp("signed_up_at").toInstant(), instant(rs, "checked_in"),
                            instant(rs, "checked_out"), confirmed.get(resident));
                }).list();
    }

    /** Records a check-in or check-out; false when this resident already checked in (or out) here. */
    boolean check(long activityId, UserId residentId, String direction, Instant at) {
        return jdbc.sql("""
                        insert into activity_check (activity_id, resident_id, direction, at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(activityId, residentId.value(), direction, Timestamp.from(at)).update() == 1;
    }

    Optional<Instant> checkedAt(long activityId, UserId residentId, String direction) {
        return jdbc.sql("select at from activity_check where activity_id = ? and resident_id = ? and direction = ?")
                .params(activityId, residentId.value(), direction).query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    public Optional<Attendance> attendance(long activityId, UserId residentId) {
        return jdbc.sql("select * from activity_attendance where activity_id = ? and resident_id = ?")
                .params(activityId, residentId.value()).query((rs, n) -> attendance(rs)).optional();
    }

    /** A resident's confirmed hours, newest first. */
    public List<Attendance> attendanceOf(UserId residentId, int limit) {
        return jdbc.sql("select * from activity_attendance where resident_id = ? order by confirmed_at desc limit ?")
                .params(residentId.value(), Math.min(limit, LIST_MAX)).query((rs, n) -> attendance(rs)).list();
    }

    /** Confirmed hours across all activities, newest first: what staff may correct. */
    public List<Attendance> recentAttendance(int limit) {
        return jdbc.sql("select * from activity_attendance order by confirmed_at desc limit ?")
                .param(Math.min(limit, LIST_MAX)).query((rs, n) -> attendance(rs)).list();
    }

    long minutesOn(UserId residentId, LocalDate day) {
        return jdbc.sql("""
                        select coalesce(sum(minutes), 0) from activity_attendance
                        where resident_id = ? and day = ? and status = 'ISSUED'""")
                .params(residentId.value(), day).query(Long.class).single();
    }

    long pointsIn(UserId residentId, String month) {
        return jdbc.sql("""
                        select coalesce(sum(points), 0) from activity_attendance
                        where resident_id = ? and month = ? and status = 'ISSUED'""")
                .params(residentId.value(), month).query(Long.class).single();
    }

    void confirm(Activity activity, UserId residentId, int minutes, LocalDate day, long points, String month,
                 String entryKey, UserId by, Instant at) {
        jdbc.sql("""
                        insert into activity_attendance (activity_id, resident_id, minutes, day, during, points, month,
                                                         status, entry_key, confirmed_by, confirmed_at)
                        values (:activity, :resident, :minutes, :day, tstzrange(:starts, :ends), :points, :month,
                                'ISSUED', :key, :by, :at)""")
                .param("activity", activity.id()).param("resident", residentId.value()).param("minutes", minutes)
                .param("day", day).param("starts", Timestamp.from(activity.startsAt()))
                .param("ends", Timestamp.from(activity.endsAt())).param("points", points).param("month", month)
                .param("key", entryKey).param("by", by.value()).param("at", Timestamp.from(at)).update();
    }

    /** Marks confirmed hours corrected; false when they were corrected already. */
    boolean markCorrected(long activityId, UserId residentId, String reason, UserId by, Instant at) {
        return jdbc.sql("""
                        update activity_attendance set status = 'CORRECTED', correction_reason = ?, corrected_by = ?,
                               corrected_at = ?
                        where activity_id = ? and resident_id = ? and status = 'ISSUED'""")
                .params(reason, by.value(), Timestamp.from(at), activityId, residentId.value()).update() == 1;
    }

    private static Activity activity(ResultSet rs) throws SQLException {
        return new Activity(rs.getLong("id"), new GroupId(rs.getLong("group_id")), rs.getString("group_name"),
                rs.getString("title"), rs.getString("description"), rs.getString("place"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getInt("slots"),
                rs.getInt("signed_up"), rs.getLong("points_per_hour"), new UserId(rs.getLong("created_by")));
    }

    private static Attendance attendance(ResultSet rs) throws SQLException {
        return new Attendance(rs.getLong("activity_id"), new UserId(rs.getLong("resident_id")), rs.getInt("minutes"),
                rs.getLong("points"), rs.getString("month"), rs.getString("status"), rs.getString("entry_key"),
                new UserId(rs.getLong("confirmed_by")), rs.getTimestamp("confirmed_at").toInstant(),
                rs.getString("correction_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

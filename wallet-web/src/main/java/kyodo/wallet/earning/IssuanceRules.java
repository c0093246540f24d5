package kyodo.wallet.earning;

import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The issuance rules staff set: most minutes of confirmed hours per resident per day (never above 24 hours) and
 * most points per resident per month. Every change is a new row; the newest applies (the database's cap trigger
 * reads the same row).
 */
@Repository
public class IssuanceRules {
    private final JdbcClient jdbc;

    IssuanceRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules in force; {@code setBy} is the staff member who set them, {@code null} for the defaults. */
    public record Rules(int minutesPerDayMax, long pointsPerMonthMax, UserId setBy, Instant setAt) {
        public static final long POINTS_PER_MONTH_MAX = 10_000_000;

        public static boolean valid(int minutesPerDay, long pointsPerMonth) {
            return minutesPerDay >= HoursInput.MINUTES_STEP && minutesPerDay <= HoursInput.MINUTES_PER_DAY_MAX
                    && pointsPerMonth >= 1 && pointsPerMonth <= POINTS_PER_MONTH_MAX;
        }
    }

    public Rules current() {
        return jdbc.sql("""
                        select minutes_per_day_max, points_per_month_max, set_by, set_at from earning_rules
                        order by id desc limit 1""")
                .query((rs, n) -> new Rules(rs.getInt(1), rs.getLong(2), UserId.ofNullable(rs.getObject(3, Long.class)),
                        rs.getTimestamp(4).toInstant())).single();
    }

    void change(int minutesPerDayMax, long pointsPerMonthMax, UserId by, Instant at) {
        jdbc.sql("""
                        insert into earning_rules (minutes_per_day_max, points_per_month_max, set_by, set_at)
                        values (?, ?, ?, ?)""")
                .params(minutesPerDayMax, pointsPerMonthMax, by.value(), Timestamp.from(at)).update();
    }
}

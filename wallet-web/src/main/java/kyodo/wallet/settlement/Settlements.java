package kyodo.wallet.settlement;

import kyodo.fund.access.UserId;
import kyodo.wallet.user.MerchantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

@Repository
public class Settlements {
    /** A merchant's page lists at most this many months. */
    public static final int LIST_MAX = 120;
    private static final RowMapper<Settlement> ROW = (rs, n) -> new Settlement(rs.getLong("id"),
            new MerchantId(rs.getLong("merchant_id")), rs.getObject("month", LocalDate.class), rs.getLong("points"),
            rs.getLong("yen"), rs.getString("rate"), rs.getString("entry_key"), rs.getBoolean("posted"),
            SettlementState.valueOf(rs.getString("state")), rs.getString("paid_entry_key"),
            rs.getBoolean("paid_posted"), UserId.ofNullable((Long) rs.getObject("paid_by")),
            rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant(),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public Settlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the settlement once per merchant and month; a second run finds the first row. */
    void insert(MerchantId merchantId, YearMonth month, long points, long yen, String rate, String entryKey,
                Instant at) {
        jdbc.update("""
                insert into settlement (merchant_id, month, points, yen, rate, entry_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (merchant_id, month) do nothing
                """, merchantId.value(), month.atDay(1), points, yen, rate, entryKey, Timestamp.from(at));
    }

    public Optional<Settlement> find(MerchantId merchantId, YearMonth month) {
        return jdbc.query("select * from settlement where merchant_id = ? and month = ?", ROW, merchantId.value(),
                month.atDay(1)).stream().findFirst();
    }

    public Optional<Settlement> findById(long id) {
        return jdbc.query("select * from settlement where id = ?", ROW, id).stream().findFirst();
    }

    public List<Settlement> ofMonth(YearMonth month) {
        return jdbc.query("select * from settlement where month = ? order by merchant_id", ROW, month.atDay(1));
    }

    public List<Settlement> ofMerchant(MerchantId merchantId) {
        return jdbc.query("select * from settlement where merchant_id = ? order by month desc limit " + LIST_MAX,
                ROW, merchantId.value());
    }

    void markPosted(long id) {
        jdbc.update("update settlement set posted = true where id = ? and not posted", id);
    }

    /** Records the payment decision if the settlement is on the books and not paid yet; 1 if this call made it. */
    int claimPaid(long id, UserId staffId, Instant at) {
        return jdbc.update("""
                update settlement set state = 'PAID', paid_by = ?, paid_at = ?, paid_entry_key = 'settle:pay:' || id
                 where id = ? and state = 'PAYABLE' and posted
                """, staffId.value(), Timestamp.from(at), id);
    }

    void markPaidPosted(long id) {
        jdbc.update("update settlement set paid_posted = true where id = ? and not paid_posted", id);
    }

    List<Settlement> unposted() {
        return jdbc.query("""
                select * from settlement where not posted or (state = 'PAID' and not paid_posted) order by id
                """, ROW);
    }
}

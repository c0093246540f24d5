package kyodo.wallet.voucher;

import kyodo.wallet.user.MerchantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Voucher rows. Every state change is one conditional UPDATE, so of two merchants scanning one voucher at once
 * exactly one changes it; the table's trigger refuses any change that is not a legal transition.
 */
@Repository
public class Vouchers {
    private static final RowMapper<Voucher> ROW = (rs, n) -> new Voucher(new VoucherSerial(rs.getString("serial")),
            rs.getLong("batch_id"), rs.getLong("amount"), rs.getObject("expires_on", LocalDate.class),
            VoucherState.valueOf(rs.getString("state")),
            MerchantId.ofNullable((Long) rs.getObject("merchant_id")),
            rs.getTimestamp("settled_at") == null ? null : rs.getTimestamp("settled_at").toInstant(),
            rs.getString("entry_key"), rs.getBoolean("posted"));

    private final JdbcTemplate jdbc;

    public Vouchers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(long batchId, long amount, LocalDate expiresOn, List<VoucherSerial> serials) {
        jdbc.batchUpdate("insert into voucher (serial, batch_id, amount, expires_on) values (?, ?, ?, ?)",
                serials.stream().map(s -> new Object[]{s.value(), batchId, amount, expiresOn}).toList());
    }

    public Optional<Voucher> find(VoucherSerial serial) {
        return jdbc.query("select * from voucher where serial = ?", ROW, serial.value()).stream().findFirst();
    }

    public List<Voucher> ofBatch(long batchId) {
        return jdbc.query("select * from voucher where batch_id = ? order by serial", ROW, batchId);
    }

    /** Marks the voucher redeemed by the merchant if it is still outstanding and not past its expiry; 1 if it won. */
    int claimForRedemption(VoucherSerial serial, MerchantId merchantId, String entryKey, Instant at,
                           LocalDate today) {
        return jdbc.update("""
                update voucher set state = 'REDEEMED', merchant_id = ?, settled_at = ?, entry_key = ?
                 where serial = ? and state = 'OUTSTANDING' and expires_on >= ?
                """, merchantId.value(), Timestamp.from(at), entryKey, serial.value(), today);
    }

    /** Marks every outstanding voucher whose expiry date is before {@code today} as expired; returns how many. */
    int claimExpired(Instant at, LocalDate today) {
        return jdbc.update("""
                update voucher set state = 'EXPIRED', settled_at = ?, entry_key = 'voucher:expire:' || serial
                 where state = 'OUTSTANDING' and expires_on < ?
                """, Timestamp.from(at), today);
    }

    /** Vouchers whose new state is decided but whose ledger entry is not yet known to be on the books. */
    List<Voucher> unposted(int limit) {
        return jdbc.query("""
                select * from voucher where state <> 'OUTSTANDING' and not posted order by serial limit ?
                """, ROW, limit);
    }

    void markPosted(VoucherSerial serial) {
        jdbc.update("update voucher set posted = true where serial = ? and not posted", serial.value());
    }

    /** Counts and sums by state, for the staff page and the books check. */
    public Map<VoucherState, long[]> totalsByState() {
        Map<VoucherState, long[]> totals = new java.util.EnumMap<>(VoucherState.class);
        for (VoucherState state : VoucherState.values()) {
            totals.put(state, new long[]{0, 0});
        }
        jdbc.query("select state, count(*) n, coalesce(sum(amount), 0) total from voucher group by state",
                rs -> {
                    totals.put(VoucherState.valueOf(rs.getString("state")),
                            new long[]{rs.getLong("n"), rs.getLong("total")});
                });
        return totals;
    }
}

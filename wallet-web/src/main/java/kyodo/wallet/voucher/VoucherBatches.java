package kyodo.wallet.voucher;

import kyodo.fund.access.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Repository
public class VoucherBatches {
    /** Pages list at most this many batches. */
    public static final int LIST_MAX = 200;
    private static final RowMapper<VoucherBatch> ROW = (rs, n) -> new VoucherBatch(rs.getLong("id"),
            rs.getLong("denomination"), rs.getInt("count"), rs.getObject("expires_on", LocalDate.class),
            rs.getInt("fiscal_year"), rs.getString("entry_key"), new UserId(rs.getLong("issued_by")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public VoucherBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the batch once per entry key; a retry of the same issue finds the first one. */
    Optional<Long> insert(long denomination, int count, LocalDate expiresOn, int fiscalYear, String entryKey,
                          UserId issuedBy, Instant createdAt) {
        List<Long> ids = jdbc.queryForList("""
                insert into voucher_batch (denomination, count, expires_on, fiscal_year, entry_key, issued_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (entry_key) do nothing returning id
                """, Long.class, denomination, count, expiresOn, fiscalYear, entryKey, issuedBy.value(),
                Timestamp.from(createdAt));
        return ids.stream().findFirst();
    }

    public Optional<VoucherBatch> findById(long id) {
        return jdbc.query("select * from voucher_batch where id = ?", ROW, id).stream().findFirst();
    }

    public Optional<VoucherBatch> findByEntryKey(String entryKey) {
        return jdbc.query("select * from voucher_batch where entry_key = ?", ROW, entryKey).stream().findFirst();
    }

    public List<VoucherBatch> latest() {
        return jdbc.query("select * from voucher_batch order by id desc limit " + LIST_MAX, ROW);
    }
}

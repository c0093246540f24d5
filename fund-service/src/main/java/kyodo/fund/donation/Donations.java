package kyodo.fund.donation;

import kyodo.fund.access.UserId;
import kyodo.fund.books.Designation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Donation rows. State changes are conditional updates, so two staff confirming at once cannot both win. */
@Repository
public class Donations {
    public static final int PAGE_MAX = 500;

    private final JdbcClient jdbc;

    Donations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DonationId insert(UserId donorUserId, Donation.DonorType type, String name, String address, long amount,
                      Designation designation, boolean anonymous, boolean consent, Donation.Method method,
                      Instant at, UserId recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fund_donation (donor_user_id, donor_type, donor_name, donor_address, amount,
                            designation, anonymous, public_name_consent, method, status, pledged_at, recorded_by)
                        values (:user, :type, :name, :address, :amount, :designation, :anonymous, :consent,
                            :method, 'PLEDGED', :at, :recordedBy)""")
                .param("user", UserId.valueOf(donorUserId)).param("type", type.name()).param("name", name)
                .param("address", address).param("amount", amount).param("designation", designation.text())
                .param("anonymous", anonymous).param("consent", consent).param("method", method.name())
                .param("at", Timestamp.from(at)).param("recordedBy", recordedBy.value())
                .update(key, "id");
        return new DonationId(key.getKey().longValue());
    }

    /** Locks the row for the rest of the transaction. */
    Optional<Donation> lock(DonationId id) {
        return jdbc.sql("select * from fund_donation where id = ? for update").param(id.value())
                .query(Donations::row).optional();
    }

    public Optional<Donation> find(DonationId id) {
        return jdbc.sql("select * from fund_donation where id = ?").param(id.value()).query(Donations::row).optional();
    }

    /** Takes the next receipt number of the fiscal year; gapless because it commits with the confirmation. */
    int nextReceiptNumber(int fiscalYear) {
        return jdbc.sql("""
                        insert into fund_receipt_counter (fiscal_year, last_number) values (?, 1)
                        on conflict (fiscal_year) do update set last_number = fund_receipt_counter.last_number + 1
                        returning last_number""")
                .param(fiscalYear).query(Integer.class).single();
    }

    void confirmed(DonationId id, Instant at, UserId by, LocalDate receivedOn, String entryKey, int fiscalYear,
                   int number, Donation.Method method) {
        jdbc.sql("""
                        update fund_donation set status = 'CONFIRMED', confirmed_at = :at, confirmed_by = :by,
                            received_on = :receivedOn, entry_key = :entryKey, receipt_fiscal_year = :year,
                            receipt_number = :number, method = :method, version = version + 1
                        where id = :id and status = 'PLEDGED'""")
                .param("at", Timestamp.from(at)).param("by", by.value()).param("receivedOn", Date.valueOf(receivedOn))
                .param("entryKey", entryKey).param("year", fiscalYear).param("number", number)
                .param("method", method.name()).param("id", id.value()).update();
    }

    void cancelled(DonationId id, Instant at, UserId by, String reason, String reversalKey) {
        jdbc.sql("""
                        update fund_donation set status = 'CANCELLED', cancelled_at = :at, cancelled_by = :by,
                            cancel_reason = :reason, reversal_key = :key, version = version + 1
                        where id = :id and status = 'CONFIRMED'""")
                .param("at", Timestamp.from(at)).param("by", by.value()).param("reason", reason)
                .param("key", reversalKey).param("id", id.value()).update();
    }

    void withdrawn(DonationId id, Instant at, UserId by) {
        jdbc.sql("""
                        update fund_donation set status = 'WITHDRAWN', cancelled_at = :at, cancelled_by = :by,
                            version = version + 1
                        where id = :id and status = 'PLEDGED'""")
                .param("at", Timestamp.from(at)).param("by", by.value()).param("id", id.value()).update();
    }

    public List<Donation> byDonor(UserId userId, int limit) {
        return jdbc.sql("select * from fund_donation where donor_user_id = ? order by id desc limit ?")
                .params(userId.value(), Math.min(limit, PAGE_MAX)).query(Donations::row).list();
    }

    public List<Donation> byStatus(Donation.Status status, int limit) {
        return jdbc.sql("select * from fund_donation where status = ? order by id limit ?")
                .params(status.name(), Math.min(limit, PAGE_MAX)).query(Donations::row).list();
    }

    /** A donor's confirmed donations received in {@code [from, to]}, for the year-end statement. */
    public List<Donation> confirmedFor(UserId userId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from fund_donation where donor_user_id = ? and status = 'CONFIRMED'
                            and received_on between ? and ? order by received_on, id""")
                .params(userId.value(), Date.valueOf(from), Date.valueOf(to)).query(Donations::row).list();
    }

    /** Names donors allowed to be published (never anonymous ones), of donations received in {@code [from, to]}. */
    public List<Donation> publiclyNamed(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select * from fund_donation where status = 'CONFIRMED' and public_name_consent
                            and not anonymous and received_on between ? and ? order by received_on, id limit ?""")
                .params(Date.valueOf(from), Date.valueOf(to), Math.min(limit, PAGE_MAX)).query(Donations::row).list();
    }

    private static Donation row(ResultSet rs, int n) throws SQLException {
        return new Donation(new DonationId(rs.getLong("id")), userId(rs, "donor_user_id"),
                Donation.DonorType.valueOf(rs.getString("donor_type")), rs.getString("donor_name"),
                rs.getString("donor_address"), rs.getLong("amount"),
                Designation.parse(rs.getString("designation")).orElseThrow(), rs.getBoolean("anonymous"),
                rs.getBoolean("public_name_consent"), Donation.Method.valueOf(rs.getString("method")),
                Donation.Status.valueOf(rs.getString("status")), instant(rs, "pledged_at"),
                userId(rs, "recorded_by"), instant(rs, "confirmed_at"), userId(rs, "confirmed_by"),
                rs.getDate("received_on") == null ? null : rs.getDate("received_on").toLocalDate(),
                rs.getString("entry_key"), (Integer) rs.getObject("receipt_fiscal_year"),
                (Integer) rs.getObject("receipt_number"), instant(rs, "cancelled_at"), userId(rs, "cancelled_by"),
                rs.getString("cancel_reason"), rs.getString("reversal_key"));
    }

    private static UserId userId(ResultSet rs, String column) throws SQLException {
        return UserId.ofNullable(rs.getObject(column, Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

package kyodo.wallet.payment;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.MerchantId;
import kyodo.wallet.user.MerchantStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The two statements every payment runs, in plain JDBC: reading the shop and recording the sale. Through Spring
 * Data's repositories each cost about as much CPU as the rest of the payment together (query derivation, mapping
 * events, a read-only transaction's extra round trip); the payment benchmark showed it, and these are the only
 * statements on that path frequent enough to be worth writing by hand.
 */
@Component
class CheckoutQueries {
    private final JdbcClient jdbc;

    CheckoutQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Merchant> merchant(MerchantId id) {
        return jdbc.sql("""
                        select id, owner_id, name, status, approved_by, created_at, version
                          from merchant where id = :id""")
                .param("id", id.value())
                .query(CheckoutQueries::merchant)
                .optional();
    }

    /** Records a sale once and answers its row; empty when a retry finds the row of the first attempt there. */
    Optional<Payment> recordSale(String entryKey, UserId payerId, GroupId payerGroupId, MerchantId merchantId,
                                 long amount, String orderRef, Channel channel, Instant at) {
        return jdbc.sql("""
                        insert into payment (entry_key, payer_id, payer_group_id, merchant_id, amount, order_ref,
                                             channel, created_at)
                        values (:entryKey, :payerId, :payerGroupId, :merchantId, :amount, :orderRef, :channel, :at)
                        on conflict (entry_key) do nothing
                        returning id, refunded, created_at""")
                .param("entryKey", entryKey)
                .param("payerId", payerId.value())
                .param("payerGroupId", payerGroupId == null ? null : payerGroupId.value())
                .param("merchantId", merchantId.value())
                .param("amount", amount)
                .param("orderRef", orderRef)
                .param("channel", channel.name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Payment(rs.getLong("id"), entryKey, payerId, payerGroupId, merchantId, amount,
                        rs.getLong("refunded"), orderRef, channel, createdAt(rs)))
                .optional();
    }

    private static Merchant merchant(ResultSet rs, int row) throws SQLException {
        long approvedBy = rs.getLong("approved_by");
        UserId approver = rs.wasNull() ? null : new UserId(approvedBy);
        return new Merchant(new MerchantId(rs.getLong("id")), new UserId(rs.getLong("owner_id")), rs.getString("name"),
                MerchantStatus.valueOf(rs.getString("status")), approver,
                createdAt(rs), rs.getLong("version"));
    }

    private static Instant createdAt(ResultSet rs) throws SQLException {
        return rs.getObject("created_at", OffsetDateTime.class).toInstant();
    }
}

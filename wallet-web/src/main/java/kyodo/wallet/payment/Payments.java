package kyodo.wallet.payment;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Payments extends Repository<Payment, Long> {
    Optional<Payment> findById(long id);

    Optional<Payment> findByEntryKey(String entryKey);

    List<Payment> findTop20ByMerchantIdOrderByIdDesc(long merchantId);

    /** Records a sale once; a retry of the same entry finds the row already there. */
    @Modifying
    @Query("""
            insert into payment (entry_key, payer_id, merchant_id, amount, order_ref, channel, created_at)
            values (:entryKey, :payerId, :merchantId, :amount, :orderRef, :channel, :createdAt)
            on conflict (entry_key) do nothing
            """)
    int record(String entryKey, long payerId, long merchantId, long amount, String orderRef, String channel,
               Instant createdAt);

    /** Spends a consumer token's nonce; 0 rows means it was spent before. */
    @Modifying
    @Query("insert into spent_token (nonce, spent_at) values (:nonce, :spentAt) on conflict (nonce) do nothing")
    int spendToken(String nonce, Instant spentAt);

    /** Reserves a refund against the sale; 0 rows means it would return more than was paid. */
    @Modifying
    @Query("update payment set refunded = refunded + :amount where id = :id and refunded + :amount <= amount")
    int reserveRefund(long id, long amount);

    @Modifying
    @Query("update payment set refunded = refunded - :amount where id = :id")
    int releaseRefund(long id, long amount);

    @Modifying
    @Query("""
            insert into refund (payment_id, entry_key, amount, created_at) values (:paymentId, :entryKey, :amount, :at)
            on conflict (entry_key) do nothing
            """)
    int recordRefund(long paymentId, String entryKey, long amount, Instant at);
}

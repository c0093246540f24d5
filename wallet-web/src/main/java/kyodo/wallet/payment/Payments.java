package kyodo.wallet.payment;

import kyodo.wallet.user.MerchantId;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface Payments extends Repository<Payment, Long> {
    Optional<Payment> findById(long id);

    Optional<Payment> findByEntryKey(String entryKey);

    List<Payment> findTop20ByMerchantIdOrderByIdDesc(MerchantId merchantId);

    /** A shop's sales since an instant (its home page counts today's). */
    List<Payment> findByMerchantIdAndCreatedAtGreaterThanEqualOrderById(MerchantId merchantId, Instant from);

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

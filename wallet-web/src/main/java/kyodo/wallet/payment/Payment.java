package kyodo.wallet.payment;

import kyodo.fund.access.UserId;
import kyodo.fund.directory.GroupId;
import kyodo.wallet.user.MerchantId;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A sale: who paid which merchant how much, and the ledger entry that moved the points.
 *
 * @param payerGroupId the group whose wallet paid, when a coordinator ({@code payerId}) paid for their group;
 *                     {@code null} when the payer paid from their own wallet
 */
@Table("payment")
public record Payment(@Id Long id, String entryKey, UserId payerId, GroupId payerGroupId, MerchantId merchantId,
                      long amount,
                      long refunded, String orderRef, Channel channel, Instant createdAt) {
}

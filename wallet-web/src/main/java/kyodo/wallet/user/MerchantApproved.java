package kyodo.wallet.user;

import kyodo.fund.access.UserId;

/** Staff approved a merchant; it can take payments from now on. */
public record MerchantApproved(MerchantId merchantId, UserId staffId) {
}

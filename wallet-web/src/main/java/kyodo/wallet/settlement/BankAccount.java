package kyodo.wallet.settlement;

import kyodo.wallet.user.MerchantId;

import java.time.Instant;

/** Where a merchant's settlement yen are transferred; names in half-width katakana, as the Zengin file carries them. */
public record BankAccount(MerchantId merchantId, String bankCode, String bankNameKana, String branchCode,
                          String branchNameKana, AccountType accountType, String accountNumber, String holderKana,
                          Instant updatedAt) {
}

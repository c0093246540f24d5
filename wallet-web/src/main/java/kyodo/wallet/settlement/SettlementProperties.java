package kyodo.wallet.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyodo.settlement.*}: yen per point ({@code yen-per-point}, default 1) and the ward's own account that the
 * Zengin transfer file names as the requester (依頼人): its requester code from the bank, name in half-width katakana,
 * bank, branch and account. The defaults are a demo ward's; set the real ones in production.
 */
@ConfigurationProperties("kyodo.settlement")
public record SettlementProperties(@DefaultValue("1") String yenPerPoint,
                                   @DefaultValue("0000000001") String requesterCode,
                                   @DefaultValue("ｷﾖｳﾄﾞｳｸ ｷﾖｳﾄﾞｳｽｲｼﾝｶ") String requesterName,
                                   @DefaultValue("0001") String bankCode,
                                   @DefaultValue("ｷﾖｳﾄﾞｳｷﾞﾝｺｳ") String bankName,
                                   @DefaultValue("001") String branchCode,
                                   @DefaultValue("ﾎﾝﾃﾝ") String branchName,
                                   @DefaultValue("ORDINARY") AccountType accountType,
                                   @DefaultValue("1234567") String accountNumber) {
    public SettlementProperties {
        YenRate.parse(yenPerPoint);
        require(requesterCode.matches("[0-9]{10}"), "requester-code must be 10 digits", requesterCode);
        require(BankAccountForm.kanaValid(requesterName, 40), "requester-name must be 1..40 half-width katakana",
                requesterName);
        require(bankCode.matches("[0-9]{4}"), "bank-code must be 4 digits", bankCode);
        require(bankName.isEmpty() || BankAccountForm.kanaValid(bankName, 15), "bank-name must be half-width katakana",
                bankName);
        require(branchCode.matches("[0-9]{3}"), "branch-code must be 3 digits", branchCode);
        require(branchName.isEmpty() || BankAccountForm.kanaValid(branchName, 15),
                "branch-name must be half-width katakana", branchName);
        require(accountNumber.matches("[0-9]{7}"), "account-number must be 7 digits", accountNumber);
    }

    private static void require(boolean ok, String what, String value) {
        if (!ok) {
            throw new IllegalArgumentException("kyodo.settlement." + what + ", was '" + value + "'");
        }
    }

    public YenRate rate() {
        return YenRate.parse(yenPerPoint);
    }
}

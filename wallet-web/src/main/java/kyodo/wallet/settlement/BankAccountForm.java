package kyodo.wallet.settlement;

import kyodo.wallet.user.MerchantId;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks bank details as typed: bank code 4 digits, branch code 3, account number 7 (shorter numbers are padded with
 * leading zeros, as passbooks print them), account type, and the holder's name (口座名義) in half-width katakana,
 * upper-case letters, digits, spaces and the few symbols banks accept, at most 30 characters (the Zengin field).
 */
public final class BankAccountForm {
    public static final int HOLDER_LENGTH_MAX = 30;
    public static final int BANK_NAME_LENGTH_MAX = 15;
    /** The characters the Zengin format carries (small kana such as ｯ are not among them). */
    private static final Pattern KANA = Pattern.compile("[ｦｱ-ﾝﾞﾟｰA-Z0-9 ().,/｢｣-]+");

    private BankAccountForm() {
    }

    public record Parsed(BankAccount account, SettlementError error) {
        public boolean ok() {
            return error == null;
        }
    }

    static boolean kanaValid(String text, int lengthMax) {
        return text != null && !text.isEmpty() && text.length() <= lengthMax && KANA.matcher(text).matches()
                && !text.isBlank();
    }

    public static Parsed parse(MerchantId merchantId, String bankCode, String bankName, String branchCode,
                               String branchName, String accountType, String accountNumber, String holder,
                               Instant now) {
        String bank = strip(bankCode);
        if (!bank.matches("[0-9]{4}")) {
            return new Parsed(null, SettlementError.BANK_CODE_INVALID);
        }
        String branch = strip(branchCode);
        if (!branch.matches("[0-9]{3}")) {
            return new Parsed(null, SettlementError.BRANCH_CODE_INVALID);
        }
        AccountType type;
        try {
            type = AccountType.valueOf(strip(accountType).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Parsed(null, SettlementError.ACCOUNT_TYPE_INVALID);
        }
        String number = strip(accountNumber);
        if (!number.matches("[0-9]{1,7}")) {
            return new Parsed(null, SettlementError.ACCOUNT_NUMBER_INVALID);
        }
        number = "0".repeat(7 - number.length()) + number;
        String holderKana = strip(holder);
        if (!kanaValid(holderKana, HOLDER_LENGTH_MAX)) {
            return new Parsed(null, SettlementError.HOLDER_NAME_INVALID);
        }
        String bankNameKana = strip(bankName);
        String branchNameKana = strip(branchName);
        if (!bankNameKana.isEmpty() && !kanaValid(bankNameKana, BANK_NAME_LENGTH_MAX)
                || !branchNameKana.isEmpty() && !kanaValid(branchNameKana, BANK_NAME_LENGTH_MAX)) {
            return new Parsed(null, SettlementError.BANK_NAME_INVALID);
        }
        return new Parsed(new BankAccount(merchantId, bank, bankNameKana, branch, branchNameKana, type, number,
                holderKana, now), null);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}

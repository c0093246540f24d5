package kyodo.wallet.qr;

import kyodo.wallet.user.MerchantId;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a merchant-presented QR says, signed: the merchant, the amount (0 for a store QR where the resident types
 * it), an order reference (empty for a store QR), when it expires, and a nonce that makes each QR distinct.
 */
public record MerchantQr(MerchantId merchantId, long amount, String orderRef, Instant expiresAt, String nonce) {
    public static final int ORDER_REF_LENGTH_MAX = 32;
    public static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9_-]{0," + ORDER_REF_LENGTH_MAX + "}");
    private static final String TAG = "KM1";
    private static final Pattern PAYLOAD = Pattern.compile(
            TAG + "\\|([1-9][0-9]{0,17})\\|([0-9]{1,18})\\|([0-9]{1,12})\\|([A-Za-z0-9_-]{16,32})\\|("
                    + ORDER_REF.pattern() + ")");

    public boolean storeQr() {
        return amount == 0;
    }

    String payload() {
        return TAG + "|" + merchantId.value() + "|" + amount + "|" + expiresAt.getEpochSecond() + "|" + nonce + "|"
                + orderRef;
    }

    static Opened<MerchantQr> parse(String payload) {
        Matcher m = PAYLOAD.matcher(payload);
        if (!m.matches()) {
            return Opened.rejected(payload.startsWith(TAG) ? TokenRejection.MALFORMED : TokenRejection.WRONG_KIND);
        }
        return Opened.of(new MerchantQr(new MerchantId(Long.parseLong(m.group(1))), Long.parseLong(m.group(2)),
                m.group(5),
                Instant.ofEpochSecond(Long.parseLong(m.group(3))), m.group(4)));
    }
}

package kyodo.wallet.qr;

import kyodo.fund.access.UserId;
import kyodo.wallet.user.MerchantId;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes and checks the signed payloads of Kyodo's QR codes. A merchant QR is an https URL to the payment page
 * (so a phone's own camera opens it); a consumer token is the bare signed token.
 */
@Component
public class QrCodes {
    /** Path of the payment page that merchant QR URLs open; the token is its {@code q} parameter. */
    public static final String PAY_PATH = "/pay";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenSeal seal;
    private final QrProperties properties;
    private final Clock clock;

    public QrCodes(SigningKey key, QrProperties properties, Clock clock) {
        this.seal = new TokenSeal(key);
        this.properties = properties;
        this.clock = clock;
    }

    public static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A store QR: the resident types the amount. */
    public MerchantQr storeQr(MerchantId merchantId) {
        return new MerchantQr(merchantId, 0, "", clock.instant().plus(properties.storeQrValidity()), nonce());
    }

    /** A QR for one order with its amount (positive) and reference. */
    public MerchantQr orderQr(MerchantId merchantId, long amount, String orderRef) {
        if (amount <= 0 || orderRef == null || !MerchantQr.ORDER_REF.matcher(orderRef).matches()) {
            throw new IllegalArgumentException("an order QR needs a positive amount and a short reference, was "
                    + amount + " '" + orderRef + "'");
        }
        return new MerchantQr(merchantId, amount, orderRef, clock.instant().plus(properties.orderQrValidity()),
                nonce());
    }

    public ConsumerToken consumerToken(UserId userId) {
        return new ConsumerToken(userId, clock.instant().plus(properties.consumerTokenValidity()), nonce());
    }

    public String token(MerchantQr qr) {
        return seal.seal(qr.payload());
    }

    public String token(ConsumerToken token) {
        return seal.seal(token.payload());
    }

    /** The URL a merchant QR encodes. */
    public String url(MerchantQr qr) {
        return properties.baseUrl() + PAY_PATH + "?q=" + token(qr);
    }

    public Opened<MerchantQr> openMerchantQr(String tokenOrUrl) {
        Opened<String> payload = seal.open(tokenOf(tokenOrUrl));
        if (!payload.ok()) {
            return Opened.rejected(payload.rejection());
        }
        Opened<MerchantQr> qr = MerchantQr.parse(payload.value());
        if (qr.ok() && !clock.instant().isBefore(qr.value().expiresAt())) {
            return Opened.rejected(TokenRejection.EXPIRED);
        }
        return qr;
    }

    /**
     * A merchant QR as an in-app scanner reads it: a payment URL, a bare token, or a JPQR payload carrying Kyodo's
     * signed template (whose plain amount field, if any, must agree with the signed amount).
     */
    public Opened<MerchantQr> openScannedMerchantQr(String text) {
        if (text != null && text.startsWith("000201")) {
            Opened<String> token = Jpqr.kyodoToken(text);
            if (!token.ok()) {
                return Opened.rejected(token.rejection());
            }
            Opened<MerchantQr> qr = openMerchantQr(token.value());
            String plainAmount = Jpqr.parse(text).value().get("54");
            if (qr.ok() && plainAmount != null && !plainAmount.equals(Long.toString(qr.value().amount()))) {
                return Opened.rejected(TokenRejection.BAD_SIGNATURE);
            }
            return qr;
        }
        return openMerchantQr(text);
    }

    public Opened<ConsumerToken> openConsumerToken(String token) {
        Opened<String> payload = seal.open(token);
        if (!payload.ok()) {
            return Opened.rejected(payload.rejection());
        }
        Opened<ConsumerToken> opened = ConsumerToken.parse(payload.value());
        if (opened.ok() && !clock.instant().isBefore(opened.value().expiresAt())) {
            return Opened.rejected(TokenRejection.EXPIRED);
        }
        return opened;
    }

    /** Accepts the bare token or a payment URL that carries it (what a scanner reads from a merchant QR). */
    static String tokenOf(String tokenOrUrl) {
        if (tokenOrUrl == null || tokenOrUrl.length() > TokenSeal.TOKEN_LENGTH_MAX + 200) {
            return null;
        }
        String text = tokenOrUrl.strip();
        int query = text.indexOf(PAY_PATH + "?q=");
        if (query >= 0 && (text.startsWith("http://") || text.startsWith("https://"))) {
            return text.substring(query + PAY_PATH.length() + 3);
        }
        return text;
    }
}

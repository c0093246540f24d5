package kyodo.wallet.qr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The wire form of every signed payload: {@code base64url(payload) "." base64url(signature)}, without padding,
 * so it fits a URL query and a QR code's alphanumeric-friendly byte mode.
 */
public final class TokenSeal {
    /** Longer input is refused before it is decoded. */
    public static final int TOKEN_LENGTH_MAX = 400;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,300}\\.[A-Za-z0-9_-]{86}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SigningKey key;

    public TokenSeal(SigningKey key) {
        this.key = key;
    }

    public String seal(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(key.sign(bytes));
    }

    /** The payload, if the token is well formed and signed by our key. */
    public Opened<String> open(String token) {
        if (token == null || token.length() > TOKEN_LENGTH_MAX || !SHAPE.matcher(token.strip()).matches()) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        String[] parts = token.strip().split("\\.");
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        if (!key.verify(payload, signature)) {
            return Opened.rejected(TokenRejection.BAD_SIGNATURE);
        }
        return Opened.of(new String(payload, StandardCharsets.UTF_8));
    }
}

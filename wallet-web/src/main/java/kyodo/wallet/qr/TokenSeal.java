package kyodo.wallet.qr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** How many verified tokens are remembered; past this the memory starts over (a flood of new tokens). */
    static final int VERIFIED_REMEMBERED_MAX = 4_096;

    private final SigningKey key;
    /**
     * Tokens whose signature has been checked, with their payload. A shop's printed store QR is the same token for
     * every customer, and checking an Ed25519 signature costs more CPU than the rest of reading it; the same bytes
     * under the same key verify the same way every time, so the answer can be remembered. Only the signature is:
     * expiry and everything else are checked by the callers on each use.
     */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    public TokenSeal(SigningKey key) {
        this.key = key;
    }

    public String seal(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(key.sign(bytes));
    }

    /** The payload, if the token is well formed and signed by our key. */
    public Opened<String> open(String token) {
        if (token == null || token.length() > TOKEN_LENGTH_MAX) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        String stripped = token.strip();
        String known = verified.get(stripped);
        if (known != null) {
            return Opened.of(known);
        }
        if (!SHAPE.matcher(stripped).matches()) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        String[] parts = stripped.split("\\.");
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(parts[0]);
            signature = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        if (!ENCODER.encodeToString(payload).equals(parts[0]) || !ENCODER.encodeToString(signature).equals(parts[1])) {
            // the decoder ignores a last character's unused bits: one payload, several spellings; only ours is valid
            return Opened.rejected(TokenRejection.MALFORMED);
        }
        if (!key.verify(payload, signature)) {
            return Opened.rejected(TokenRejection.BAD_SIGNATURE);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        if (verified.size() >= VERIFIED_REMEMBERED_MAX) {
            verified.clear();
        }
        verified.put(stripped, text);
        return Opened.of(text);
    }
}

package kyodo.wallet.qr;

/** Why a signed payload was not accepted; each has a message in both languages ({@code qr.rejected.<name>}). */
public enum TokenRejection {
    /** Not in the expected shape: cut short, extra characters, not base64url, too long. */
    MALFORMED,
    /** The signature does not match: altered, or signed by a key that is not ours. */
    BAD_SIGNATURE,
    EXPIRED,
    /** A valid payload of another kind (a consumer token where a merchant QR was expected, or the reverse). */
    WRONG_KIND,
    /** A JPQR payload whose CRC does not match. */
    CRC_MISMATCH,
    /** A JPQR payload without Kyodo's signed merchant template. */
    NOT_A_KYODO_MERCHANT
}

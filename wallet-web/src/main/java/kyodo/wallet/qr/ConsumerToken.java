package kyodo.wallet.qr;

import kyodo.fund.access.UserId;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a resident's on-screen QR says, signed: who pays, until when, and a nonce that is spent by one charge. */
public record ConsumerToken(UserId userId, Instant expiresAt, String nonce) {
    private static final String TAG = "KC1";
    private static final Pattern PAYLOAD = Pattern.compile(
            TAG + "\\|([1-9][0-9]{0,17})\\|([0-9]{1,12})\\|([A-Za-z0-9_-]{16,32})");

    String payload() {
        return TAG + "|" + userId.value() + "|" + expiresAt.getEpochSecond() + "|" + nonce;
    }

    static Opened<ConsumerToken> parse(String payload) {
        Matcher m = PAYLOAD.matcher(payload);
        if (!m.matches()) {
            return Opened.rejected(payload.startsWith(TAG) ? TokenRejection.MALFORMED : TokenRejection.WRONG_KIND);
        }
        return Opened.of(new ConsumerToken(new UserId(Long.parseLong(m.group(1))),
                Instant.ofEpochSecond(Long.parseLong(m.group(2))), m.group(3)));
    }
}

package kyodo.wallet.voucher;

import kyodo.wallet.qr.Opened;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.qr.TokenRejection;
import kyodo.wallet.qr.TokenSeal;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed payload printed as a voucher's QR code: serial, amount and expiry date, sealed with the application's
 * QR signing key (Ed25519) like every other value-moving QR. The database row stays the authority for the amount
 * and state; the signature only proves that the ward printed this serial.
 */
@Component
public class VoucherQr {
    private static final String TAG = "KV1";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern PAYLOAD = Pattern.compile(TAG + "\\|([0-9A-Z]{13})\\|([0-9]{1,12})\\|([0-9]{8})");

    private final TokenSeal seal;

    public VoucherQr(SigningKey key) {
        this.seal = new TokenSeal(key);
    }

    /** What a voucher's QR says, once its signature is checked. */
    public record Printed(VoucherSerial serial, long amount, LocalDate expiresOn) {
    }

    public String token(VoucherSerial serial, long amount, LocalDate expiresOn) {
        return seal.seal(TAG + "|" + serial.value() + "|" + amount + "|" + DATE.format(expiresOn));
    }

    public Opened<Printed> open(String token) {
        Opened<String> payload = seal.open(token);
        if (!payload.ok()) {
            return Opened.rejected(payload.rejection());
        }
        Matcher m = PAYLOAD.matcher(payload.value());
        if (!m.matches()) {
            return Opened.rejected(payload.value().startsWith(TAG) ? TokenRejection.MALFORMED
                    : TokenRejection.WRONG_KIND);
        }
        try {
            return VoucherSerial.parse(m.group(1))
                    .map(serial -> Opened.of(new Printed(serial, Long.parseLong(m.group(2)),
                            LocalDate.parse(m.group(3), DATE))))
                    .orElseGet(() -> Opened.rejected(TokenRejection.MALFORMED));
        } catch (DateTimeParseException e) {
            return Opened.rejected(TokenRejection.MALFORMED);
        }
    }
}

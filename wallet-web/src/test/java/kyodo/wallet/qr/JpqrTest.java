package kyodo.wallet.qr;

import kyodo.ledger.testing.MutableClock;
import kyodo.wallet.user.MerchantId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JpqrTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    private final QrCodes codes = new QrCodes(SigningKey.generate(), new QrProperties("https://kyodo.example",
            Path.of("unused"), Duration.ofDays(365), Duration.ofMinutes(15), Duration.ofSeconds(60)), clock);

    private static String f(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    @Test
    void crcIsCcittFalse() {
        assertThat(Jpqr.crc16("123456789")).isEqualTo("29B1");
    }

    @Test
    void aBuiltPayloadParsesWithItsCrcAndCarriesTheSignedMerchantQr() {
        MerchantQr qr = codes.orderQr(new MerchantId(9), 500, "T1");
        String payload = Jpqr.build(codes.token(qr), "Kodama Bakery", 500);

        assertThat(payload).startsWith("000201010212");
        assertThat(Jpqr.parse(payload).value()).containsEntry("54", "500").containsEntry("53", "392")
                .containsEntry("59", "Kodama Bakery");
        assertThat(codes.openScannedMerchantQr(payload).value()).isEqualTo(qr);
    }

    @Test
    void aWrongCrcIsRefused() {
        String payload = Jpqr.build(codes.token(codes.storeQr(new MerchantId(9))), "Shop", 0);
        String wrong = payload.substring(0, payload.length() - 4)
                + (payload.endsWith("0000") ? "0001" : "0000");

        assertThat(Jpqr.parse(wrong).rejection()).isEqualTo(TokenRejection.CRC_MISMATCH);
    }

    @Test
    void anUnsignedJpqrIsNotAKyodoMerchant() {
        // A plain EMVCo payload as another payment scheme would print it: no Kyodo template in 80-99.
        String body = f("00", "01") + f("01", "11") + f("26", f("00", "jp.example.pay") + f("01", "12345"))
                + f("52", "5812") + f("53", "392") + f("58", "JP") + f("59", "Other Shop") + f("60", "Tokyo")
                + "6304";
        String payload = body + Jpqr.crc16(body);

        assertThat(Jpqr.parse(payload).ok()).isTrue();
        assertThat(codes.openScannedMerchantQr(payload).rejection()).isEqualTo(TokenRejection.NOT_A_KYODO_MERCHANT);
    }

    @Test
    void aTemplateWithAForgedSignatureIsRefused() {
        QrCodes forger = new QrCodes(SigningKey.generate(), new QrProperties("https://kyodo.example",
                Path.of("unused"), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofSeconds(60)), clock);
        String payload = Jpqr.build(forger.token(forger.orderQr(new MerchantId(9), 500, "")), "Shop", 500);

        assertThat(codes.openScannedMerchantQr(payload).rejection()).isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void aPlainAmountThatDisagreesWithTheSignedOneIsRefused() {
        String token = codes.token(codes.orderQr(new MerchantId(9), 500, ""));
        String payload = Jpqr.build(token, "Shop", 500).replace("5403500", "5403900");
        String body = payload.substring(0, payload.length() - 4);

        assertThat(codes.openScannedMerchantQr(body + Jpqr.crc16(body)).rejection())
                .isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void cutShortOrNonNumericTlvIsMalformed() {
        String payload = Jpqr.build(codes.token(codes.storeQr(new MerchantId(9))), "Shop", 0);

        assertThat(Jpqr.parse(payload.substring(0, 30)).rejection()).isEqualTo(TokenRejection.MALFORMED);
        assertThat(Jpqr.parse("0002AB" + payload.substring(6)).rejection()).isEqualTo(TokenRejection.MALFORMED);
        assertThat(Jpqr.parse("x".repeat(Jpqr.PAYLOAD_LENGTH_MAX + 1)).rejection())
                .isEqualTo(TokenRejection.MALFORMED);
    }
}

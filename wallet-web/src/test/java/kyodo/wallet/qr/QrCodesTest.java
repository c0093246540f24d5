package kyodo.wallet.qr;

import kyodo.fund.access.UserId;
import kyodo.ledger.testing.MutableClock;
import kyodo.wallet.user.MerchantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T01:00:00Z"));
    private final QrProperties properties = new QrProperties("https://kyodo.example/", Path.of("unused"),
            Duration.ofDays(365), Duration.ofMinutes(15), Duration.ofSeconds(60));
    private final SigningKey key = SigningKey.generate();
    private final QrCodes codes = new QrCodes(key, properties, clock);

    @Test
    void anOrderQrIsAnHttpsPaymentUrlThatOpensToItsSignedFields() {
        MerchantQr qr = codes.orderQr(new MerchantId(7), 1234, "A-42");

        String url = codes.url(qr);
        Opened<MerchantQr> opened = codes.openMerchantQr(url);

        assertThat(url).startsWith("https://kyodo.example/pay?q=");
        assertThat(opened.ok()).isTrue();
        assertThat(opened.value()).isEqualTo(qr);
    }

    @Test
    void aStoreQrHasNoAmount() {
        Opened<MerchantQr> opened = codes.openMerchantQr(codes.token(codes.storeQr(new MerchantId(3))));

        assertThat(opened.value().storeQr()).isTrue();
        assertThat(opened.value().merchantId()).isEqualTo(new MerchantId(3));
    }

    @Test
    void aBitFlippedTokenIsRefusedAsBadSignature() {
        String token = codes.token(codes.orderQr(new MerchantId(7), 100, ""));
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        payload[6] ^= 0x01; // one bit of the merchant id or amount
        String flipped = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[1];

        assertThat(codes.openMerchantQr(flipped).rejection()).isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void aFlippedSignatureIsRefused() {
        String token = codes.token(codes.consumerToken(new UserId(5)));
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);

        assertThat(codes.openConsumerToken(flipped).rejection()).isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        QrCodes forger = new QrCodes(SigningKey.generate(), properties, clock);

        assertThat(codes.openMerchantQr(forger.url(forger.orderQr(new MerchantId(7), 100, ""))).rejection())
                .isEqualTo(TokenRejection.BAD_SIGNATURE);
        assertThat(codes.openConsumerToken(forger.token(forger.consumerToken(new UserId(5)))).rejection())
                .isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void truncatedOrGarbageTokensAreMalformed() {
        String token = codes.token(codes.consumerToken(new UserId(5)));

        assertThat(codes.openConsumerToken(token.substring(0, token.length() - 1)).rejection())
                .isEqualTo(TokenRejection.MALFORMED);
        assertThat(codes.openConsumerToken(token.substring(0, token.indexOf('.'))).rejection())
                .isEqualTo(TokenRejection.MALFORMED);
        assertThat(codes.openConsumerToken("").rejection()).isEqualTo(TokenRejection.MALFORMED);
        assertThat(codes.openConsumerToken(null).rejection()).isEqualTo(TokenRejection.MALFORMED);
        assertThat(codes.openConsumerToken("x".repeat(10_000)).rejection()).isEqualTo(TokenRejection.MALFORMED);
        assertThat(codes.openMerchantQr("https://kyodo.example/pay?q=").rejection())
                .isEqualTo(TokenRejection.MALFORMED);
    }

    @Test
    void aConsumerTokenExpiresAfterSixtySeconds() {
        String token = codes.token(codes.consumerToken(new UserId(5)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(codes.openConsumerToken(token).ok()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(codes.openConsumerToken(token).rejection()).isEqualTo(TokenRejection.EXPIRED);
    }

    @Test
    void anOrderQrExpires() {
        String url = codes.url(codes.orderQr(new MerchantId(7), 100, "X"));

        clock.advance(Duration.ofMinutes(15));

        assertThat(codes.openMerchantQr(url).rejection()).isEqualTo(TokenRejection.EXPIRED);
    }

    @Test
    void aConsumerTokenIsNotAMerchantQrNorTheReverse() {
        assertThat(codes.openMerchantQr(codes.token(codes.consumerToken(new UserId(5)))).rejection())
                .isEqualTo(TokenRejection.WRONG_KIND);
        assertThat(codes.openConsumerToken(codes.token(codes.orderQr(new MerchantId(7), 100, ""))).rejection())
                .isEqualTo(TokenRejection.WRONG_KIND);
    }

    @Test
    void theSigningKeyIsCreatedOnceAsAnOwnerOnlyPemFile(@TempDir Path directory) throws Exception {
        SigningKey first = SigningKey.loadOrCreate(directory.resolve("keys"));
        SigningKey second = SigningKey.loadOrCreate(directory.resolve("keys"));
        Path file = directory.resolve("keys").resolve(SigningKey.FILE_NAME);
        byte[] message = "KM1|1|100".getBytes(StandardCharsets.UTF_8);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.verify(message, first.sign(message))).isTrue();
        assertThat(SigningKey.generate().verify(message, first.sign(message))).isFalse();
    }

    @Test
    void consumerTokenValidityAboveSixtySecondsIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QrProperties("https://kyodo.example",
                Path.of("k"), Duration.ofDays(1), Duration.ofMinutes(1), Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60s");
    }
}

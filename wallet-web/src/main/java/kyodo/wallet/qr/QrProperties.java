package kyodo.wallet.qr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code kyodo.qr.*}: the public base URL that payment QR codes point at, where the signing key lives (outside the
 * repository and the database; generated on first run), and how long each kind of QR is valid.
 */
@ConfigurationProperties("kyodo.qr")
public record QrProperties(@DefaultValue("http://localhost:8080") String baseUrl,
                           @DefaultValue(".kyodo/keys") Path keyDirectory,
                           @DefaultValue("365d") Duration storeQrValidity,
                           @DefaultValue("15m") Duration orderQrValidity,
                           @DefaultValue("60s") Duration consumerTokenValidity) {
    /** The bound: a consumer token lives at most a minute. */
    public static final Duration CONSUMER_TOKEN_VALIDITY_MAX = Duration.ofSeconds(60);

    public QrProperties {
        if (!baseUrl.matches("https?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~/-]*)?")) {
            throw new IllegalArgumentException("kyodo.qr.base-url must be an http(s) URL, was " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (consumerTokenValidity.isNegative() || consumerTokenValidity.isZero()
                || consumerTokenValidity.compareTo(CONSUMER_TOKEN_VALIDITY_MAX) > 0) {
            throw new IllegalArgumentException("kyodo.qr.consumer-token-validity must be within 1s..60s, was "
                    + consumerTokenValidity);
        }
    }
}

package kyodo.wallet.qr;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The QR signing key, read from (or created in) {@code kyodo.qr.key-directory} at start. */
@Configuration(proxyBeanMethods = false)
class QrConfiguration {
    @Bean
    SigningKey qrSigningKey(QrProperties properties) {
        return SigningKey.loadOrCreate(properties.keyDirectory());
    }
}

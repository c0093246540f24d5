package kyodo.wallet.expiry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the nightly expiry ({@code kyodo.points.expiry-scheduled=false} turns it off, e.g. in tests that run the job
 * themselves, or in a second process that should leave it to the first; running it twice is harmless anyway).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kyodo.points.expiry-scheduled", havingValue = "true", matchIfMissing = true)
class ExpiryScheduling {
}

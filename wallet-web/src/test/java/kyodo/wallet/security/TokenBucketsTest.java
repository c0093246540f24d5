package kyodo.wallet.security;

import kyodo.ledger.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {
    @Test
    void allowsABurstThenRefillsAtTheRate() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
        TokenBuckets buckets = new TokenBuckets(3, 1.0, clock);

        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
        assertThat(buckets.tryTake("b")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(buckets.tryTake("a")).isTrue();
        assertThat(buckets.tryTake("a")).isFalse();
    }
}

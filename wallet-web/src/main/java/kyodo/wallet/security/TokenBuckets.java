package kyodo.wallet.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process token buckets, one per key (a user or an address): {@code capacity} requests at once, refilled at
 * {@code perSecond}. The map is bounded; when full it is cleared, which at worst forgives some callers early.
 */
public final class TokenBuckets {
    public static final int KEYS_MAX = 100_000;

    private final int capacity;
    private final double perSecond;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double perSecond, Clock clock) {
        if (capacity <= 0 || !(perSecond > 0)) {
            throw new IllegalArgumentException("capacity and rate must be positive, were " + capacity + ", " + perSecond);
        }
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false means the caller should be refused. */
    public boolean tryTake(String key) {
        if (buckets.size() >= KEYS_MAX) {
            buckets.clear();
        }
        long nowMillis = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowMillis));
        synchronized (bucket) {
            double refill = (nowMillis - bucket.lastMillis) / 1000.0 * perSecond;
            bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, refill));
            bucket.lastMillis = Math.max(bucket.lastMillis, nowMillis);
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }
}

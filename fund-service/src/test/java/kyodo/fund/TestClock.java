package kyodo.fund;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The tests' clock in the ward's zone: fixed at {@link FundTestApplication#NOW} unless a test moves it (and back). */
public final class TestClock extends Clock {
    private static final ZoneId WARD = ZoneId.of("Asia/Tokyo");
    private volatile Instant now = FundTestApplication.NOW;

    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = FundTestApplication.NOW;
    }

    @Override
    public ZoneId getZone() {
        return WARD;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package okno.protocol.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest
{
    @Test
    void allowsBurstThenRefillsAtRate()
    {
        final RateLimiter limiter = new RateLimiter(2, 3);
        final long t0 = 1_000_000_000L;
        assertTrue(limiter.tryAcquire("k", t0));
        assertTrue(limiter.tryAcquire("k", t0));
        assertTrue(limiter.tryAcquire("k", t0));
        assertFalse(limiter.tryAcquire("k", t0));
        assertTrue(limiter.tryAcquire("other", t0), "keys are independent");
        assertFalse(limiter.tryAcquire("k", t0 + 400_000_000L), "0.8 permits refilled");
        assertTrue(limiter.tryAcquire("k", t0 + 500_000_000L));
    }
}

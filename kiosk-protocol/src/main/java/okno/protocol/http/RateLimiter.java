package okno.protocol.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket rate limit per key (a kiosk token, a client address). Edges may read the wall clock;
 * the engine never does. Thread-safe.
 */
public final class RateLimiter
{
    private final double permitsPerSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param permitsPerSecond sustained rate
     * @param burst            permits available at once
     */
    public RateLimiter(final double permitsPerSecond, final double burst)
    {
        if (permitsPerSecond <= 0 || burst < 1)
        {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
    }

    /**
     * @param key    who is asking
     * @param nowNs  monotonic time in nanoseconds
     * @return whether the request may proceed
     */
    public boolean tryAcquire(final String key, final long nowNs)
    {
        final Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNs));
        synchronized (bucket)
        {
            final double refill = (nowNs - bucket.lastNs) / 1e9 * permitsPerSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, refill));
            bucket.lastNs = Math.max(bucket.lastNs, nowNs);
            if (bucket.tokens >= 1)
            {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static final class Bucket
    {
        double tokens;
        long lastNs;

        Bucket(final double tokens, final long lastNs)
        {
            this.tokens = tokens;
            this.lastNs = lastNs;
        }
    }
}

package okno.drivers;

/**
 * Exponential back-off between attempts: the delay starts at a minimum, doubles after each failure up to a
 * maximum, and resets on success. Single-threaded.
 */
public final class Backoff
{
    private final long minMs;
    private final long maxMs;
    private long delayMs;
    private long nextAttemptMs = Long.MIN_VALUE;

    /**
     * @param minMs first delay
     * @param maxMs largest delay
     */
    public Backoff(final long minMs, final long maxMs)
    {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.delayMs = minMs;
    }

    /**
     * @param nowMs current time
     * @return true when an attempt may be made now
     */
    public boolean isDue(final long nowMs)
    {
        return nowMs >= nextAttemptMs;
    }

    /**
     * Records a failed attempt made at {@code nowMs} and schedules the next one.
     *
     * @param nowMs time of the attempt
     */
    public void failed(final long nowMs)
    {
        nextAttemptMs = nowMs + delayMs;
        delayMs = Math.min(maxMs, delayMs * 2);
    }

    /**
     * Records a success: the next failure waits the minimum again.
     */
    public void reset()
    {
        delayMs = minMs;
        nextAttemptMs = Long.MIN_VALUE;
    }

    /**
     * @return the delay the next failure will schedule
     */
    public long nextDelayMs()
    {
        return delayMs;
    }
}

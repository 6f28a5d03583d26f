package okno.drivers;

/**
 * Timing of a device worker: how often it polls, how long it waits for a reply, when a silent device counts
 * as offline, and the back-off between attempts to reopen a port.
 *
 * @param pollIntervalMs   time between health polls of one device
 * @param replyTimeoutMs   longest wait for a reply to one request
 * @param offlineAfterMs   a device with no valid reply for this long (and at least one missed poll) is offline
 * @param reopenMinMs      first delay before reopening a missing or lost port
 * @param reopenMaxMs      the delay doubles after each failed attempt up to this bound
 */
public record DriverTiming(
    long pollIntervalMs, long replyTimeoutMs, long offlineAfterMs, long reopenMinMs, long reopenMaxMs)
{
    /** Production defaults: a silent device is reported offline within 2 s (1 s silence + poll + reply). */
    public static final DriverTiming DEFAULT = new DriverTiming(250, 200, 1_000, 100, 2_000);

    /**
     * Checks the fields.
     */
    public DriverTiming
    {
        if (pollIntervalMs <= 0 || replyTimeoutMs <= 0 || offlineAfterMs <= 0)
        {
            throw new IllegalArgumentException("poll, reply and offline times must be positive");
        }
        if (reopenMinMs <= 0 || reopenMaxMs < reopenMinMs)
        {
            throw new IllegalArgumentException("need 0 < reopenMinMs <= reopenMaxMs");
        }
    }
}

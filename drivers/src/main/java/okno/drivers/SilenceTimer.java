package okno.drivers;

/**
 * Tells when a device has been silent long enough to count as offline: no valid reply for
 * {@code offlineAfterMs}. Single-threaded.
 */
public final class SilenceTimer
{
    private final long offlineAfterMs;
    private long lastHeardMs;

    /**
     * @param offlineAfterMs allowed silence
     * @param nowMs          start of the first silence period
     */
    public SilenceTimer(final long offlineAfterMs, final long nowMs)
    {
        this.offlineAfterMs = offlineAfterMs;
        this.lastHeardMs = nowMs;
    }

    /**
     * @param nowMs time of a valid reply
     */
    public void heard(final long nowMs)
    {
        lastHeardMs = nowMs;
    }

    /**
     * @param nowMs current time
     * @return true when the device has been silent for at least the allowed time
     */
    public boolean isSilent(final long nowMs)
    {
        return nowMs - lastHeardMs >= offlineAfterMs;
    }
}

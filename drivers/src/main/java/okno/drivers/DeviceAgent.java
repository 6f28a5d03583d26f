package okno.drivers;

/**
 * A device polling loop body in the Agrona style: {@link #doWork} is called repeatedly on one worker thread,
 * {@link #onClose} once at the end on the same thread.
 */
public interface DeviceAgent
{
    /**
     * Does one slice of work; may block for a bounded time on serial reads.
     *
     * @param nowMs current wall-clock time, epoch milliseconds
     * @return amount of work done; 0 lets the worker idle briefly
     */
    int doWork(long nowMs);

    /**
     * Releases ports. Runs once, on the worker thread, even when the worker never started.
     */
    void onClose();

    /**
     * @return thread name, e.g. {@code printer-kiosk-1}
     */
    String roleName();
}

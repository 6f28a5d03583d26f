package okno.drivers;

import java.time.Clock;
import java.util.Objects;

/**
 * Keeps the current health of one device and tells the listener only when state or reason changes.
 * Used by exactly one worker thread; {@link #current()} may be read from any thread.
 */
public final class HealthReporter
{
    private final String deviceId;
    private final DeviceKind kind;
    private final DeviceStatusListener listener;
    private final Clock clock;
    private volatile DeviceStatus current;

    /**
     * @param deviceId device id
     * @param kind     device kind
     * @param listener receiver of changes
     * @param clock    wall clock for time stamps
     */
    public HealthReporter(
        final String deviceId, final DeviceKind kind, final DeviceStatusListener listener, final Clock clock)
    {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records an observation; reports it when it differs from the last one.
     *
     * @param state  observed state
     * @param reason observed cause
     */
    public void report(final DeviceState state, final String reason)
    {
        final DeviceStatus last = current;
        if (last != null && last.state() == state && last.reason().equals(reason))
        {
            return;
        }
        final DeviceStatus status = new DeviceStatus(deviceId, kind, state, reason, clock.millis());
        current = status;
        listener.onDeviceStatus(status);
    }

    /**
     * @return the last reported status, or null before the first observation
     */
    public DeviceStatus current()
    {
        return current;
    }

    /**
     * @return true when the last reported state is {@link DeviceState#ONLINE}
     */
    public boolean isOnline()
    {
        final DeviceStatus last = current;
        return last != null && last.state() == DeviceState.ONLINE;
    }
}

package okno.drivers;

import java.util.Objects;

/**
 * One health report of one device: what it is, how it is, why, and when the driver saw it.
 *
 * @param deviceId    device id from the device configuration (a display on a bus is {@code busId/windowId})
 * @param kind        device kind
 * @param state       online, offline or fault
 * @param reason      human-readable cause, e.g. {@code "paper out"}, {@code "no response"}, {@code "ok"}
 * @param timestampMs wall-clock time of the observation, epoch milliseconds
 */
public record DeviceStatus(String deviceId, DeviceKind kind, DeviceState state, String reason, long timestampMs)
{
    /**
     * Checks the fields.
     */
    public DeviceStatus
    {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}

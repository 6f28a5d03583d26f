package okno.drivers;

/**
 * Receives every change of a device's health (state or reason). Called on the device's worker thread; an
 * implementation must hand the status on quickly (e.g. publish it as a command) and must not block.
 */
@FunctionalInterface
public interface DeviceStatusListener
{
    /**
     * @param status the new status of one device
     */
    void onDeviceStatus(DeviceStatus status);
}

package okno.drivers.display;

import okno.drivers.SerialPortConfig;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One RS-485 bus of window displays with keypads.
 *
 * @param busId   bus id; each display reports status as {@code busId/windowId}
 * @param port    serial port of the bus
 * @param windows windows on the bus, with their addresses (unique ids and addresses)
 */
public record WindowDisplayConfig(String busId, SerialPortConfig port, List<WindowAddress> windows)
{
    /**
     * Checks the fields and that ids and addresses are unique.
     */
    public WindowDisplayConfig
    {
        Objects.requireNonNull(busId, "busId");
        Objects.requireNonNull(port, "port");
        windows = List.copyOf(windows);
        if (windows.isEmpty())
        {
            throw new IllegalArgumentException("bus " + busId + " has no windows");
        }
        final Set<String> ids = new HashSet<>();
        final Set<Integer> addresses = new HashSet<>();
        for (final WindowAddress w : windows)
        {
            if (!ids.add(w.windowId()) || !addresses.add(w.address()))
            {
                throw new IllegalArgumentException("bus " + busId + ": duplicate window or address " + w);
            }
        }
    }
}

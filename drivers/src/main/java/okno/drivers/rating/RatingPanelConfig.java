package okno.drivers.rating;

import okno.drivers.SerialPortConfig;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Modbus RTU line of rating panels. Each panel keeps two holding registers: the last score at
 * {@code firstRegister} and a counter of ratings given at {@code firstRegister + 1}; both are read in one
 * request (function 03).
 *
 * @param busId         bus id; each panel reports status as {@code busId/windowId}
 * @param port          serial port of the line
 * @param panels        panels on the line (unique window ids and unit ids)
 * @param firstRegister zero-based address of the score register
 */
public record RatingPanelConfig(String busId, SerialPortConfig port, List<RatingPanelAddress> panels, int firstRegister)
{
    /**
     * Checks the fields.
     */
    public RatingPanelConfig
    {
        Objects.requireNonNull(busId, "busId");
        Objects.requireNonNull(port, "port");
        panels = List.copyOf(panels);
        if (panels.isEmpty())
        {
            throw new IllegalArgumentException("rating bus " + busId + " has no panels");
        }
        if (firstRegister < 0 || firstRegister > 0xFFFE)
        {
            throw new IllegalArgumentException("firstRegister not in 0..65534: " + firstRegister);
        }
        final Set<String> windows = new HashSet<>();
        final Set<Integer> units = new HashSet<>();
        for (final RatingPanelAddress p : panels)
        {
            if (!windows.add(p.windowId()) || !units.add(p.unitId()))
            {
                throw new IllegalArgumentException("rating bus " + busId + ": duplicate window or unit " + p);
            }
        }
    }

    /**
     * @param busId  bus id
     * @param port   port
     * @param panels panels
     * @return a configuration with the score in holding register 0 and the counter in register 1
     */
    public static RatingPanelConfig of(
        final String busId, final SerialPortConfig port, final List<RatingPanelAddress> panels)
    {
        return new RatingPanelConfig(busId, port, panels, 0);
    }
}

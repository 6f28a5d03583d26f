package okno.drivers.rating;

import java.util.Objects;

/**
 * Modbus unit id of one window's rating panel.
 *
 * @param windowId window id
 * @param unitId   Modbus slave address 1..247
 */
public record RatingPanelAddress(String windowId, int unitId)
{
    /**
     * Checks the fields.
     */
    public RatingPanelAddress
    {
        Objects.requireNonNull(windowId, "windowId");
        if (unitId < 1 || unitId > 247)
        {
            throw new IllegalArgumentException("Modbus unit id not in 1..247: " + unitId);
        }
    }
}

package okno.drivers.display;

import java.util.Objects;

/**
 * Bus address of one window's display and keypad.
 *
 * @param windowId window id
 * @param address  bus address, 1..{@value WindowBusProtocol#MAX_ADDRESS}
 */
public record WindowAddress(String windowId, int address)
{
    /**
     * Checks the fields.
     */
    public WindowAddress
    {
        Objects.requireNonNull(windowId, "windowId");
        if (address < 1 || address > WindowBusProtocol.MAX_ADDRESS)
        {
            throw new IllegalArgumentException(
                "display address not in 1.." + WindowBusProtocol.MAX_ADDRESS + ": " + address);
        }
    }
}

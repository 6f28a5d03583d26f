package okno.drivers.printer;

import okno.drivers.SerialPortConfig;

import java.util.Objects;

/**
 * One kiosk's ticket printer.
 *
 * @param deviceId device id used in status reports, e.g. {@code centre-7/kiosk-2/printer}
 * @param port     serial port of the printer
 */
public record TicketPrinterConfig(String deviceId, SerialPortConfig port)
{
    /**
     * Checks the fields.
     */
    public TicketPrinterConfig
    {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(port, "port");
    }
}

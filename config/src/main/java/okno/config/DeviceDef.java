package okno.config;

/**
 * A serial device of a centre, as the drivers open it.
 *
 * @param id      identifier unique in the network
 * @param kind    what the device is
 * @param centre  id of the centre the device belongs to
 * @param port    serial port name, e.g. {@code /dev/ttyUSB0}
 * @param baud    line speed in bits per second
 * @param address bus address (RS-485 display, Modbus unit, Alpha sign), 0 when the device is alone on its port
 * @param window  id of the window within the centre the device serves, or {@code null} for centre-wide devices
 * @param kiosk   token of the kiosk a ticket printer sits in (it prints that kiosk's tickets), or {@code null}
 */
public record DeviceDef(String id, DeviceKind kind, String centre, String port, int baud, int address, String window,
    String kiosk)
{
}

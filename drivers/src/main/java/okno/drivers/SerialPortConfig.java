package okno.drivers;

import java.util.Objects;

/**
 * Where and how to open one serial port.
 *
 * @param path     device path, e.g. {@code /dev/ttyUSB0}, {@code /dev/serial/by-id/...} or a symlink
 * @param baudRate bits per second
 * @param dataBits 5..8
 * @param parity   parity
 * @param stopBits 1 or 2
 */
public record SerialPortConfig(String path, int baudRate, int dataBits, Parity parity, int stopBits)
{
    /**
     * Checks the fields.
     */
    public SerialPortConfig
    {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parity, "parity");
        if (path.isBlank())
        {
            throw new IllegalArgumentException("port path is blank");
        }
        if (baudRate <= 0)
        {
            throw new IllegalArgumentException("baudRate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8)
        {
            throw new IllegalArgumentException("dataBits not in 5..8: " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2)
        {
            throw new IllegalArgumentException("stopBits not 1 or 2: " + stopBits);
        }
    }

    /**
     * @param path     device path
     * @param baudRate bits per second
     * @return an 8N1 port configuration
     */
    public static SerialPortConfig of(final String path, final int baudRate)
    {
        return new SerialPortConfig(path, baudRate, 8, Parity.NONE, 1);
    }
}

package okno.drivers.board;

import okno.drivers.SerialPortConfig;

import java.util.Objects;

/**
 * One hall board.
 *
 * @param deviceId  device id used in status reports
 * @param port      serial port of the board (Alpha signs are often 9600 7E1 or 8N1)
 * @param typeCode  Alpha type code of the sign, {@code 'Z'} for any type
 * @param address   sign address 1..255
 * @param fileLabel TEXT file label the calls are written to, e.g. {@code 'A'}
 * @param lines     number of calls shown (the last N)
 */
public record HallBoardConfig(
    String deviceId, SerialPortConfig port, char typeCode, int address, char fileLabel, int lines)
{
    /**
     * Checks the fields.
     */
    public HallBoardConfig
    {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(port, "port");
        if (typeCode < 0x20 || typeCode > 0x7E || fileLabel < 0x20 || fileLabel > 0x75)
        {
            throw new IllegalArgumentException("type code or file label out of range");
        }
        if (address < 1 || address > 0xFF)
        {
            throw new IllegalArgumentException("board address not in 1..255: " + address);
        }
        if (lines < 1)
        {
            throw new IllegalArgumentException("lines must be positive: " + lines);
        }
    }

    /**
     * @param deviceId device id
     * @param port     port
     * @param address  sign address
     * @param lines    calls shown
     * @return a board of any type with file label 'A'
     */
    public static HallBoardConfig of(
        final String deviceId, final SerialPortConfig port, final int address, final int lines)
    {
        return new HallBoardConfig(deviceId, port, 'Z', address, 'A', lines);
    }
}

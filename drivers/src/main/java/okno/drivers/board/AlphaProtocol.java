package okno.drivers.board;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames of the Alpha sign communications protocol, as far as the hall board needs them.
 *
 * <pre>
 *   00 00 00 00 00 | 01  | type | addr  | 02  | cmd | data      | 03  | checksum      | 04
 *   NUL x5 (baud)  | SOH | 'Z'  | "01"  | STX | 'A' | label ... | ETX | 4 ASCII hex   | EOT
 *   checksum = sum of all bytes from STX through ETX inclusive, mod 0x10000, as upper-case hex
 *
 *   write TEXT file : cmd 'A', data = label, ESC '0' 'b' (fill, hold), line, 0D, line, ...
 *   read TEXT file  : cmd 'B', data = label
 *   sign's reply    : type '0', address "00", cmd 'A', data = label + stored text
 * </pre>
 * Text is printable ASCII; other characters are sent as {@code ?}.
 */
public final class AlphaProtocol
{
    /** Start of header. */
    public static final byte SOH = 0x01;
    /** Start of text. */
    public static final byte STX = 0x02;
    /** End of text. */
    public static final byte ETX = 0x03;
    /** End of transmission. */
    public static final byte EOT = 0x04;
    /** Escape introducing display position and mode. */
    public static final byte ESC = 0x1B;
    /** Display position "fill". */
    public static final byte POSITION_FILL = 0x30;
    /** Mode "hold" (no animation). */
    public static final byte MODE_HOLD = 'b';
    /** New line inside a TEXT file. */
    public static final byte NEW_LINE = 0x0D;
    /** Command: write TEXT file. */
    public static final byte WRITE_TEXT = 'A';
    /** Command: read TEXT file. */
    public static final byte READ_TEXT = 'B';
    /** Type code of replies from a sign. */
    public static final byte RESPONSE_TYPE = '0';

    private static final int SYNC_NULS = 5;

    private AlphaProtocol()
    {
    }

    /**
     * @param type    sign type code, e.g. {@code 'Z'} for all types
     * @param address sign address 0..255 (0 = broadcast)
     * @param label   TEXT file label
     * @param lines   lines of text, top first
     * @return the complete write-TEXT-file packet
     */
    public static byte[] writeText(final byte type, final int address, final byte label, final List<String> lines)
    {
        return packet(type, address, WRITE_TEXT, textData(label, lines));
    }

    /**
     * @param type    sign type code
     * @param address sign address
     * @param label   TEXT file label
     * @return the complete read-TEXT-file packet
     */
    public static byte[] readText(final byte type, final int address, final byte label)
    {
        return packet(type, address, READ_TEXT, new byte[] {label});
    }

    /**
     * @param label TEXT file label
     * @param lines lines of text
     * @return the data field of a write-TEXT-file command: label, ESC, position, mode, lines
     */
    public static byte[] textData(final byte label, final List<String> lines)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(label);
        out.write(ESC);
        out.write(POSITION_FILL);
        out.write(MODE_HOLD);
        for (int i = 0; i < lines.size(); i++)
        {
            if (i > 0)
            {
                out.write(NEW_LINE);
            }
            out.writeBytes(ascii(lines.get(i)));
        }
        return out.toByteArray();
    }

    /**
     * @param type    type code
     * @param address address 0..255
     * @param command command code
     * @param data    data field
     * @return the packet with sync NULs, header, checksum and EOT
     */
    public static byte[] packet(final byte type, final int address, final byte command, final byte[] data)
    {
        if (address < 0 || address > 0xFF)
        {
            throw new IllegalArgumentException("sign address not in 0..255: " + address);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 20);
        for (int i = 0; i < SYNC_NULS; i++)
        {
            out.write(0);
        }
        out.write(SOH);
        out.write(type);
        out.writeBytes(hex(address, 2));
        final int stx = out.size();
        out.write(STX);
        out.write(command);
        out.writeBytes(data);
        out.write(ETX);
        final byte[] body = out.toByteArray();
        out.writeBytes(hex(checksum(body, stx, body.length), 4));
        out.write(EOT);
        return out.toByteArray();
    }

    /**
     * @param bytes buffer
     * @param from  index of STX
     * @param to    index after ETX
     * @return 16-bit sum of the bytes
     */
    public static int checksum(final byte[] bytes, final int from, final int to)
    {
        int sum = 0;
        for (int i = from; i < to; i++)
        {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFFFF;
    }

    private static byte[] hex(final int value, final int digits)
    {
        final String s = String.format("%0" + digits + "X", value);
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(final String text)
    {
        final byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++)
        {
            final char c = text.charAt(i);
            out[i] = c >= 0x20 && c < 0x7F ? (byte)c : (byte)'?';
        }
        return out;
    }
}

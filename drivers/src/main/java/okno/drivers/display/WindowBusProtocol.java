package okno.drivers.display;

import java.nio.charset.Charset;

/**
 * Wire format of the window display bus (RS-485, master = okno, slaves = displays with keypads).
 *
 * <pre>
 *   +------+-------------+---------+-----------------+------+
 *   | 0x01 | 0x20 + addr | command | data (CP1251)   | 0x07 |
 *   +------+-------------+---------+-----------------+------+
 *   master to display:  'S' text  show steady      'B' text  show blinking (call / recall)
 *                       'C'       clear            'P'       poll
 *   display to master:  'A'       acknowledged, no key pending
 *                       'K' key   acknowledged, one key press: '1' call-next '2' recall '3' start '4' complete
 * </pre>
 * Address and data bytes are never below 0x20, so 0x01 and 0x07 only ever delimit frames and a receiver can
 * resynchronise on the next 0x01 after line noise.
 */
public final class WindowBusProtocol
{
    /** Frame start. */
    public static final byte SOH = 0x01;
    /** Frame end. */
    public static final byte END = 0x07;
    /** Added to the address so it never looks like a control byte. */
    public static final int ADDRESS_OFFSET = 0x20;
    /** Highest bus address. */
    public static final int MAX_ADDRESS = 0xFF - ADDRESS_OFFSET;
    /** Longest display text in characters; longer text is cut. */
    public static final int MAX_TEXT = 32;
    /** Show text steadily. */
    public static final byte SHOW = 'S';
    /** Show text blinking. */
    public static final byte BLINK = 'B';
    /** Clear the display. */
    public static final byte CLEAR = 'C';
    /** Poll for a key press. */
    public static final byte POLL = 'P';
    /** Reply: acknowledged. */
    public static final byte ACK = 'A';
    /** Reply: acknowledged with a key press. */
    public static final byte KEY = 'K';
    /** Text encoding. */
    public static final Charset CP1251 = Charset.forName("windows-1251");

    private WindowBusProtocol()
    {
    }

    /**
     * @param address bus address
     * @param command command byte
     * @param text    text, or null for commands without data
     * @return the frame
     */
    public static byte[] frame(final int address, final byte command, final String text)
    {
        final byte[] data = text == null ? new byte[0] : encodeText(text);
        final byte[] frame = new byte[data.length + 4];
        frame[0] = SOH;
        frame[1] = (byte)(address + ADDRESS_OFFSET);
        frame[2] = command;
        System.arraycopy(data, 0, frame, 3, data.length);
        frame[frame.length - 1] = END;
        return frame;
    }

    private static byte[] encodeText(final String text)
    {
        final int length = Math.min(text.length(), MAX_TEXT);
        final StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            sb.append(c < 0x20 || Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString().getBytes(CP1251);
    }
}

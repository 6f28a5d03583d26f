package okno.drivers.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * Turns a {@link TicketSlip} into ESC/POS bytes. Text is encoded in code page PC866 (Cyrillic, selected with
 * {@code ESC t 17}); characters outside it print as {@code ?}, control characters inside text fields are
 * replaced by spaces so a field can never inject a command.
 *
 * <pre>
 *   1B 40            ESC @      initialise
 *   1B 74 11         ESC t 17   code page PC866
 *   1B 61 01         ESC a 1    centre
 *   1B 45 01 .. 0A   ESC E 1    bold centre name, then ESC E 0
 *   1D 21 33 .. 0A   GS ! 0x33  ticket number 4x wide, 4x high, then GS ! 0
 *   services, issue time, position, ETA   one line each (LF)
 *   1D 28 6B ...     GS ( k     QR: model 2, module 6, level M, store data, print   (only with a status URL)
 *   1B 64 03         ESC d 3    feed 3 lines
 *   1D 56 42 00      GS V 66 0  feed to cut position and partial cut
 * </pre>
 */
public final class EscPosSlipEncoder
{
    /** Code page number for PC866 in {@code ESC t n}. */
    public static final int CODE_PAGE_PC866 = 17;
    /** The Java charset matching {@link #CODE_PAGE_PC866}. */
    public static final Charset CP866 = Charset.forName("IBM866");

    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;
    private static final byte LF = 0x0A;
    private static final int SIZE_4X = 0x33;
    private static final int QR_MODULE_SIZE = 6;
    private static final int QR_LEVEL_M = 0x31;
    private static final int QR_MAX_DATA = 7_089;
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /**
     * @param slip the slip
     * @return the complete print job, cut included
     */
    public byte[] encode(final TicketSlip slip)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        command(out, ESC, '@');
        command(out, ESC, 't', CODE_PAGE_PC866);
        command(out, ESC, 'a', 1);
        command(out, ESC, 'E', 1);
        line(out, slip.centreName());
        command(out, ESC, 'E', 0);
        line(out, "Талон / Ticket");
        command(out, GS, '!', SIZE_4X);
        line(out, slip.ticketNumber());
        command(out, GS, '!', 0);
        for (final String service : slip.services())
        {
            line(out, service);
        }
        line(out, "Выдан: " + ISSUED.format(slip.issuedAt()));
        line(out, "Перед вами: " + slip.position());
        line(out, slip.etaMinutes() == TicketSlip.ETA_UNKNOWN ? "Ожидание: уточняется" : "Ожидание ~" + slip.etaMinutes() + " мин");
        if (slip.statusUrl() != null)
        {
            qr(out, slip.statusUrl().getBytes(StandardCharsets.US_ASCII));
        }
        command(out, ESC, 'd', 3);
        command(out, GS, 'V', 66, 0);
        return out.toByteArray();
    }

    /**
     * Appends the QR code sequence: select model 2, module size, error level M, store data, print.
     *
     * @param out  destination
     * @param data QR payload
     */
    static void qr(final ByteArrayOutputStream out, final byte[] data)
    {
        if (data.length > QR_MAX_DATA)
        {
            throw new IllegalArgumentException("QR payload too long: " + data.length);
        }
        out.writeBytes(new byte[] {GS, '(', 'k', 4, 0, '1', 'A', '2', 0});
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'C', QR_MODULE_SIZE});
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'E', QR_LEVEL_M});
        final int storeLength = data.length + 3;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte)(storeLength & 0xFF), (byte)(storeLength >>> 8), '1', 'P', '0'});
        out.writeBytes(data);
        out.writeBytes(new byte[] {GS, '(', 'k', 3, 0, '1', 'Q', '0'});
    }

    private static void command(final ByteArrayOutputStream out, final byte prefix, final int... rest)
    {
        out.write(prefix);
        for (final int b : rest)
        {
            out.write(b);
        }
    }

    private static void line(final ByteArrayOutputStream out, final String text)
    {
        out.writeBytes(printable(text).getBytes(CP866));
        out.write(LF);
    }

    private static String printable(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString();
    }
}

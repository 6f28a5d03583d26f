package okno.drivers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An ESC/POS thermal printer on a pty: parses the byte stream into printed slips (text lines with size, bold,
 * alignment; the QR payload; the cut) and answers {@code DLE EOT n} with status bytes built from its switches.
 * Unknown commands are recorded as protocol errors. While the paper is out or the cover open, print data is
 * swallowed and no slip comes out.
 */
public final class EscPosPrinterSimulator extends PtyDeviceSimulator
{
    /** One printed line. */
    public record Line(String text, int width, int height, boolean bold, int align)
    {
    }

    /** One slip that came out of the printer. */
    public record Slip(List<Line> lines, String qrPayload, boolean cut)
    {
        /**
         * @return all text lines joined with newlines
         */
        public String text()
        {
            final StringBuilder sb = new StringBuilder();
            lines.forEach(l -> sb.append(l.text()).append('\n'));
            return sb.toString();
        }
    }

    public volatile boolean paperOut;
    public volatile boolean paperNearEnd;
    public volatile boolean coverOpen;
    public volatile boolean cutterError;
    public volatile boolean mute;

    private final BlockingQueue<Slip> slips = new LinkedBlockingQueue<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
    private List<Line> lines = new ArrayList<>();
    private Charset charset = StandardCharsets.US_ASCII;
    private int width = 1;
    private int height = 1;
    private boolean bold;
    private int align;
    private String storedQr;
    private String printedQr;

    public EscPosPrinterSimulator() throws IOException
    {
        super("escpos-sim");
    }

    /**
     * @param timeoutMs longest wait
     * @return the next slip, or null
     * @throws InterruptedException if interrupted
     */
    public Slip nextSlip(final long timeoutMs) throws InterruptedException
    {
        return slips.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * @return commands the simulator did not understand
     */
    public List<String> protocolErrors()
    {
        return protocolErrors;
    }

    @Override
    protected void onBytes(final byte[] buf, final int length)
    {
        pending.write(buf, 0, length);
        final byte[] data = pending.toByteArray();
        int pos = 0;
        while (pos < data.length)
        {
            final int used = parse(data, pos);
            if (used == 0)
            {
                break;
            }
            pos += used;
        }
        pending.reset();
        pending.write(data, pos, data.length - pos);
    }

    /** Parses one command or byte at {@code pos}; returns bytes used, 0 when more input is needed. */
    private int parse(final byte[] d, final int pos)
    {
        final int b = d[pos] & 0xFF;
        final int left = d.length - pos;
        switch (b)
        {
            case 0x10:
                if (left < 3)
                {
                    return 0;
                }
                if (d[pos + 1] == 0x04)
                {
                    status(d[pos + 2]);
                    return 3;
                }
                protocolErrors.add("DLE " + d[pos + 1]);
                return 1;
            case 0x1B:
                return left < 2 ? 0 : escape(d, pos, left);
            case 0x1D:
                return left < 2 ? 0 : groupSeparator(d, pos, left);
            case 0x0A:
                endLine();
                return 1;
            default:
                if (b < 0x20)
                {
                    protocolErrors.add("control byte " + b);
                }
                else
                {
                    lineBytes.write(b);
                }
                return 1;
        }
    }

    private int escape(final byte[] d, final int pos, final int left)
    {
        final int cmd = d[pos + 1];
        if (cmd == '@')
        {
            charset = StandardCharsets.US_ASCII;
            width = 1;
            height = 1;
            bold = false;
            align = 0;
            return 2;
        }
        if (left < 3)
        {
            return 0;
        }
        final int n = d[pos + 2] & 0xFF;
        switch (cmd)
        {
            case 't':
                if (n == 17)
                {
                    charset = Charset.forName("IBM866");
                }
                else if (n == 46)
                {
                    charset = Charset.forName("windows-1251");
                }
                else
                {
                    protocolErrors.add("code page " + n);
                }
                break;
            case 'a':
                align = n;
                break;
            case 'E':
                bold = (n & 1) != 0;
                break;
            case 'd':
                break;
            default:
                protocolErrors.add("ESC " + (char)cmd);
        }
        return 3;
    }

    private int groupSeparator(final byte[] d, final int pos, final int left)
    {
        final int cmd = d[pos + 1];
        if (cmd == '!')
        {
            if (left < 3)
            {
                return 0;
            }
            width = ((d[pos + 2] >> 4) & 0x07) + 1;
            height = (d[pos + 2] & 0x07) + 1;
            return 3;
        }
        if (cmd == 'V')
        {
            if (left < 3)
            {
                return 0;
            }
            final int m = d[pos + 2] & 0xFF;
            if (m == 65 || m == 66)
            {
                if (left < 4)
                {
                    return 0;
                }
                cut();
                return 4;
            }
            cut();
            return 3;
        }
        if (cmd == '(')
        {
            if (left < 5)
            {
                return 0;
            }
            final int len = (d[pos + 3] & 0xFF) | (d[pos + 4] & 0xFF) << 8;
            if (left < 5 + len)
            {
                return 0;
            }
            if (d[pos + 2] != 'k' || len < 2 || d[pos + 5] != '1')
            {
                protocolErrors.add("GS ( " + (char)d[pos + 2]);
            }
            else
            {
                qr(d[pos + 6], d, pos + 7, len - 2);
            }
            return 5 + len;
        }
        protocolErrors.add("GS " + (char)cmd);
        return 2;
    }

    private void qr(final byte fn, final byte[] d, final int from, final int length)
    {
        switch (fn)
        {
            case 'A', 'C', 'E':
                break;
            case 'P':
                storedQr = new String(d, from + 1, length - 1, StandardCharsets.US_ASCII);
                break;
            case 'Q':
                printedQr = storedQr;
                break;
            default:
                protocolErrors.add("QR function " + fn);
        }
    }

    private void status(final byte n)
    {
        if (mute)
        {
            return;
        }
        final boolean stopped = paperOut || coverOpen;
        int s = 0x12;
        switch (n)
        {
            case 1 -> s |= stopped || cutterError ? 0x08 : 0;
            case 2 -> s |= (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            case 3 -> s |= cutterError ? 0x08 : 0;
            case 4 -> s |= (paperNearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            default -> protocolErrors.add("DLE EOT " + n);
        }
        reply(new byte[] {(byte)s});
    }

    private void endLine()
    {
        lines.add(new Line(new String(lineBytes.toByteArray(), charset), width, height, bold, align));
        lineBytes.reset();
    }

    private void cut()
    {
        if (!paperOut && !coverOpen && !cutterError)
        {
            slips.add(new Slip(List.copyOf(lines), printedQr, true));
        }
        lines = new ArrayList<>();
        storedQr = null;
        printedQr = null;
    }
}

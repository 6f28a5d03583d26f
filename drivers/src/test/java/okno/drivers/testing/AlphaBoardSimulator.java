package okno.drivers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Alpha protocol sign on a pty. It checks the shape and checksum of every packet (bad ones are counted and
 * ignored, as a sign does), stores written TEXT files and answers read-TEXT-file requests. Switches: mute
 * (no replies) and corruptWrites (the next n write packets arrive with one byte flipped, as on a noisy line).
 */
public final class AlphaBoardSimulator extends PtyDeviceSimulator
{
    public volatile boolean mute;
    public final AtomicInteger corruptWrites = new AtomicInteger();

    private final int address;
    private final AtomicInteger badChecksums = new AtomicInteger();
    private final ByteArrayOutputStream packet = new ByteArrayOutputStream();
    private volatile byte[] textFileA = new byte[0];
    private boolean inPacket;

    public AlphaBoardSimulator(final int address) throws IOException
    {
        super("alpha-sim");
        this.address = address;
    }

    /**
     * @return lines of TEXT file 'A' after the position and mode codes
     */
    public List<String> lines()
    {
        final byte[] file = textFileA;
        if (file.length < 3 || file[0] != 0x1B)
        {
            return List.of();
        }
        final String text = new String(file, 3, file.length - 3, StandardCharsets.US_ASCII);
        return text.isEmpty() ? List.of() : List.of(text.split("\r"));
    }

    /**
     * @return packets rejected for a wrong checksum
     */
    public int badChecksums()
    {
        return badChecksums.get();
    }

    @Override
    protected void onBytes(final byte[] buf, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = buf[i];
            if (b == 0x01)
            {
                inPacket = true;
                packet.reset();
            }
            else if (b == 0x04 && inPacket)
            {
                inPacket = false;
                handle(packet.toByteArray());
            }
            else if (inPacket)
            {
                packet.write(b);
            }
        }
    }

    private void handle(final byte[] p)
    {
        // p = type, addr(2), STX, cmd, data..., ETX, checksum(4)
        if (p.length < 10 || p[3] != 0x02 || p[p.length - 5] != 0x03)
        {
            badChecksums.incrementAndGet();
            return;
        }
        if (p[4] == 'A' && corruptWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
        {
            p[6] ^= 0x20;
        }
        int sum = 0;
        for (int i = 3; i < p.length - 4; i++)
        {
            sum += p[i] & 0xFF;
        }
        final String sent = new String(p, p.length - 4, 4, StandardCharsets.US_ASCII);
        if (!String.format("%04X", sum & 0xFFFF).equals(sent))
        {
            badChecksums.incrementAndGet();
            return;
        }
        final int to = Integer.parseInt(new String(p, 1, 2, StandardCharsets.US_ASCII), 16);
        if (to != address && to != 0)
        {
            return;
        }
        final byte[] data = Arrays.copyOfRange(p, 5, p.length - 5);
        if (p[4] == 'A' && data.length > 0 && data[0] == 'A')
        {
            textFileA = Arrays.copyOfRange(data, 1, data.length);
        }
        else if (p[4] == 'B' && data.length == 1 && data[0] == 'A' && !mute)
        {
            reply(response(textFileA));
        }
    }

    /**
     * @param file stored TEXT file A
     * @return the sign's reply packet: type '0', address "00", command 'A', label 'A', file
     */
    public static byte[] response(final byte[] file)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0x01, '0', '0', '0', 0x02, 'A', 'A'});
        out.writeBytes(file);
        out.write(0x03);
        final byte[] body = out.toByteArray();
        int sum = 0;
        for (int i = 10; i < body.length; i++)
        {
            sum += body[i] & 0xFF;
        }
        out.writeBytes(String.format("%04X", sum & 0xFFFF).getBytes(StandardCharsets.US_ASCII));
        out.write(0x04);
        return out.toByteArray();
    }
}

package okno.drivers.board;

/**
 * Finds reply packets of an Alpha sign in a byte stream and checks them: structure
 * {@code [NUL..] SOH type addr(2) STX cmd data ETX checksum(4 hex) EOT} and checksum. Packets with a wrong
 * checksum or shape are dropped and counted. Not thread-safe.
 */
public final class AlphaReplyDecoder
{
    /** Receives each valid packet. */
    @FunctionalInterface
    public interface PacketHandler
    {
        /**
         * @param type    type code
         * @param command command code
         * @param data    buffer with the data field (valid only during the call)
         * @param offset  first data byte
         * @param length  data length
         */
        void onPacket(byte type, byte command, byte[] data, int offset, int length);
    }

    private static final int MAX_PACKET = 1024;
    /** SOH, type, 2 address digits, STX, command, ETX, 4 checksum digits. */
    private static final int MIN_PACKET = 11;

    private final PacketHandler handler;
    private final byte[] packet = new byte[MAX_PACKET];
    private int length = -1;
    private long rejected;

    /**
     * @param handler receives valid packets
     */
    public AlphaReplyDecoder(final PacketHandler handler)
    {
        this.handler = handler;
    }

    /**
     * @param buf    bytes from the line
     * @param count  how many
     */
    public void onBytes(final byte[] buf, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final byte b = buf[i];
            if (b == AlphaProtocol.SOH)
            {
                length = 0;
                packet[length++] = b;
            }
            else if (length > 0 && b == AlphaProtocol.EOT)
            {
                complete();
            }
            else if (length > 0 && length < MAX_PACKET)
            {
                packet[length++] = b;
            }
            else if (length == MAX_PACKET)
            {
                rejected++;
                length = -1;
            }
        }
    }

    private void complete()
    {
        final int n = length;
        length = -1;
        final int etx = n - 5;
        if (n < MIN_PACKET || packet[4] != AlphaProtocol.STX || packet[etx] != AlphaProtocol.ETX)
        {
            rejected++;
            return;
        }
        final int expected = parseHex(etx + 1);
        if (expected < 0 || expected != AlphaProtocol.checksum(packet, 4, etx + 1))
        {
            rejected++;
            return;
        }
        handler.onPacket(packet[1], packet[5], packet, 6, etx - 6);
    }

    private int parseHex(final int from)
    {
        int value = 0;
        for (int i = from; i < from + 4; i++)
        {
            final int digit = Character.digit(packet[i], 16);
            if (digit < 0)
            {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * @return packets rejected for shape or checksum so far
     */
    public long rejected()
    {
        return rejected;
    }
}

package okno.drivers.display;

/**
 * Splits a byte stream from the bus into frames ({@link WindowBusProtocol}). Bytes outside a frame are noise
 * and skipped; a new 0x01 inside a frame restarts it; an over-long or malformed frame is dropped. Not
 * thread-safe; allocates nothing per byte.
 */
public final class WindowBusDecoder
{
    /** Receives each well-formed frame. */
    @FunctionalInterface
    public interface FrameHandler
    {
        /**
         * @param address bus address (offset removed)
         * @param command command or reply byte
         * @param data    buffer holding the data bytes (valid only during the call)
         * @param offset  index of the first data byte
         * @param length  number of data bytes
         */
        void onFrame(int address, byte command, byte[] data, int offset, int length);
    }

    private static final int MAX_BODY = 2 + WindowBusProtocol.MAX_TEXT * 2;

    private final FrameHandler handler;
    private final byte[] body = new byte[MAX_BODY];
    private int length = -1;
    private long droppedBytes;

    /**
     * @param handler receives frames
     */
    public WindowBusDecoder(final FrameHandler handler)
    {
        this.handler = handler;
    }

    /**
     * @param buf    bytes from the line
     * @param length how many
     */
    public void onBytes(final byte[] buf, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            onByte(buf[i]);
        }
    }

    private void onByte(final byte b)
    {
        if (b == WindowBusProtocol.SOH)
        {
            droppedBytes += Math.max(length, 0);
            length = 0;
        }
        else if (length < 0)
        {
            droppedBytes++;
        }
        else if (b == WindowBusProtocol.END)
        {
            complete();
        }
        else if (length == body.length)
        {
            droppedBytes += length + 1;
            length = -1;
        }
        else
        {
            body[length++] = b;
        }
    }

    private void complete()
    {
        final int n = length;
        length = -1;
        final int address = (body[0] & 0xFF) - WindowBusProtocol.ADDRESS_OFFSET;
        if (n < 2 || address < 1)
        {
            droppedBytes += n + 1;
            return;
        }
        handler.onFrame(address, body[1], body, 2, n - 2);
    }

    /**
     * @return bytes discarded as noise or malformed frames so far
     */
    public long droppedBytes()
    {
        return droppedBytes;
    }
}

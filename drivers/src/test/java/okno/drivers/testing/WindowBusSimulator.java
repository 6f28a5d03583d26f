package okno.drivers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Window displays with keypads on one simulated RS-485 bus. Each configured address answers its frames:
 * it shows or clears text, remembers whether it blinks, and reports one queued key press per reply.
 * Addresses in {@link #mute} do not answer. Frames it cannot parse are counted.
 */
public final class WindowBusSimulator extends PtyDeviceSimulator
{
    /** What one display shows. */
    public record Screen(String text, boolean blinking)
    {
    }

    private static final Charset CP1251 = Charset.forName("windows-1251");

    public final Set<Integer> mute = ConcurrentHashMap.newKeySet();
    private final Set<Integer> addresses;
    private final Map<Integer, Screen> screens = new ConcurrentHashMap<>();
    private final Map<Integer, Queue<Character>> keys = new ConcurrentHashMap<>();
    private final AtomicInteger badFrames = new AtomicInteger();
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean inFrame;

    public WindowBusSimulator(final Set<Integer> addresses) throws IOException
    {
        super("window-bus-sim");
        this.addresses = Set.copyOf(addresses);
        addresses.forEach(a -> keys.put(a, new ConcurrentLinkedQueue<>()));
    }

    /**
     * Queues a key press on a keypad: '1' call-next, '2' recall, '3' start, '4' complete.
     *
     * @param address display address
     * @param key     key byte
     */
    public void press(final int address, final char key)
    {
        keys.get(address).add(key);
    }

    /**
     * @param address display address
     * @return what it shows, or null before any content
     */
    public Screen screen(final int address)
    {
        return screens.get(address);
    }

    /**
     * @return frames that could not be parsed
     */
    public int badFrames()
    {
        return badFrames.get();
    }

    @Override
    protected void onBytes(final byte[] buf, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = buf[i];
            if (b == 0x01)
            {
                inFrame = true;
                frame.reset();
            }
            else if (b == 0x07 && inFrame)
            {
                inFrame = false;
                handle(frame.toByteArray());
            }
            else if (inFrame)
            {
                frame.write(b);
            }
        }
    }

    private void handle(final byte[] body)
    {
        if (body.length < 2)
        {
            badFrames.incrementAndGet();
            return;
        }
        final int address = (body[0] & 0xFF) - 0x20;
        if (!addresses.contains(address) || mute.contains(address))
        {
            return;
        }
        final String text = new String(body, 2, body.length - 2, CP1251);
        switch (body[1])
        {
            case 'S' -> screens.put(address, new Screen(text, false));
            case 'B' -> screens.put(address, new Screen(text, true));
            case 'C' -> screens.put(address, new Screen("", false));
            case 'P' ->
            {
            }
            default ->
            {
                badFrames.incrementAndGet();
                return;
            }
        }
        final Character key = keys.get(address).poll();
        reply(key == null
            ? new byte[] {0x01, (byte)(0x20 + address), 'A', 0x07}
            : new byte[] {0x01, (byte)(0x20 + address), 'K', (byte)key.charValue(), 0x07});
    }
}

package okno.drivers.testing;

import okno.drivers.display.KeypadKey;
import okno.drivers.display.KeypadListener;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records key events as {@code windowId:KEY}.
 */
public final class KeyRecorder implements KeypadListener
{
    private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();

    @Override
    public void onKey(final String windowId, final KeypadKey key, final long timestampMs)
    {
        keys.add(windowId + ":" + key);
    }

    /**
     * @param timeoutMs longest wait
     * @return next key event or null
     * @throws InterruptedException if interrupted
     */
    public String next(final long timeoutMs) throws InterruptedException
    {
        return keys.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }
}

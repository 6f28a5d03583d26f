package okno.drivers.testing;

import java.io.IOException;

/**
 * A device simulator on the master side of a pty: a thread reads what the driver writes and feeds it to
 * {@link #onBytes}; replies go back through {@link #reply}. The pty can be swapped for a new one to imitate a
 * port that closes and comes back.
 */
public abstract class PtyDeviceSimulator implements AutoCloseable
{
    private final Thread thread;
    private volatile Pty pty;
    private volatile boolean running = true;

    protected PtyDeviceSimulator(final String name) throws IOException
    {
        this.pty = Pty.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the reader thread.
     *
     * @return this
     */
    public PtyDeviceSimulator start()
    {
        thread.start();
        return this;
    }

    /**
     * @return path the driver opens
     */
    public String slavePath()
    {
        return pty.slavePath();
    }

    /**
     * Closes the current pty (the driver sees its port vanish) and opens a fresh one.
     *
     * @return the new slave path
     * @throws IOException when no new pty can be made
     */
    public String replacePty() throws IOException
    {
        final Pty old = pty;
        pty = Pty.open();
        old.close();
        return pty.slavePath();
    }

    /**
     * Writes raw bytes to the driver (replies, or noise in tests).
     *
     * @param bytes data
     */
    public void reply(final byte[] bytes)
    {
        pty.write(bytes);
    }

    /**
     * Handles bytes the driver wrote.
     *
     * @param buf    buffer
     * @param length valid bytes
     */
    protected abstract void onBytes(byte[] buf, int length);

    private void run()
    {
        final byte[] buf = new byte[4096];
        while (running)
        {
            final int n = pty.read(buf, 20);
            if (n > 0)
            {
                onBytes(buf, n);
            }
        }
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(2_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        pty.close();
    }
}

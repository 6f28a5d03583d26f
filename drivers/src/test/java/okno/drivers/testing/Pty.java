package okno.drivers.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A pseudo-terminal pair made through libc ({@code posix_openpt}, {@code grantpt}, {@code unlockpt},
 * {@code ptsname_r}). The driver under test opens {@link #slavePath()} with jSerialComm; the device simulator
 * reads and writes the master side here. The master is put in raw mode so no byte is translated or echoed.
 */
public final class Pty implements AutoCloseable
{
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = 0400;
    private static final int TCSANOW = 0;
    private static final short POLLIN = 1;
    private static final int TERMIOS_SIZE = 64;

    /** The libc calls the fixture needs. */
    interface LibC extends Library
    {
        LibC INSTANCE = Native.load("c", LibC.class);

        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        int ptsname_r(int fd, byte[] buf, long len);

        int tcgetattr(int fd, byte[] termios);

        void cfmakeraw(byte[] termios);

        int tcsetattr(int fd, int action, byte[] termios);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int poll(int[] fds, long nfds, int timeoutMs);

        int close(int fd);
    }

    private final int masterFd;
    private final String slavePath;
    private volatile boolean closed;

    private Pty(final int masterFd, final String slavePath)
    {
        this.masterFd = masterFd;
        this.slavePath = slavePath;
    }

    /**
     * Opens a new pair.
     *
     * @return the pair, master side open
     * @throws IOException when libc refuses
     */
    public static Pty open() throws IOException
    {
        final LibC c = LibC.INSTANCE;
        final int fd = c.posix_openpt(O_RDWR | O_NOCTTY);
        if (fd < 0)
        {
            throw new IOException("posix_openpt failed: errno " + Native.getLastError());
        }
        final byte[] name = new byte[128];
        if (c.grantpt(fd) != 0 || c.unlockpt(fd) != 0 || c.ptsname_r(fd, name, name.length) != 0)
        {
            c.close(fd);
            throw new IOException("grantpt/unlockpt/ptsname failed: errno " + Native.getLastError());
        }
        final byte[] termios = new byte[TERMIOS_SIZE];
        if (c.tcgetattr(fd, termios) == 0)
        {
            c.cfmakeraw(termios);
            c.tcsetattr(fd, TCSANOW, termios);
        }
        int len = 0;
        while (name[len] != 0)
        {
            len++;
        }
        return new Pty(fd, new String(name, 0, len, StandardCharsets.US_ASCII));
    }

    /**
     * @return the slave device path, e.g. {@code /dev/pts/3}
     */
    public String slavePath()
    {
        return slavePath;
    }

    /**
     * Waits up to {@code timeoutMs} for bytes on the master and reads what is there.
     *
     * @param buf       destination
     * @param timeoutMs longest wait
     * @return bytes read, 0 on timeout or when no slave is open
     */
    public int read(final byte[] buf, final int timeoutMs)
    {
        if (closed)
        {
            return 0;
        }
        final int[] pollFd = {masterFd, POLLIN};
        final int ready = LibC.INSTANCE.poll(pollFd, 1, timeoutMs);
        if (ready <= 0)
        {
            return 0;
        }
        if ((pollFd[1] >>> 16 & POLLIN) == 0)
        {
            // hang-up: no slave open right now; poll() would return at once, so wait out the timeout here
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(timeoutMs));
            return 0;
        }
        final long n = LibC.INSTANCE.read(masterFd, buf, buf.length);
        return n > 0 ? (int)n : 0;
    }

    /**
     * Writes all bytes to the master (the driver reads them on the slave).
     *
     * @param bytes data
     */
    public void write(final byte[] bytes)
    {
        if (!closed)
        {
            LibC.INSTANCE.write(masterFd, bytes, bytes.length);
        }
    }

    /**
     * @return true once {@link #close()} ran
     */
    public boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            LibC.INSTANCE.close(masterFd);
        }
    }
}

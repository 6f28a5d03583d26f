package okno.drivers;

import com.fazecast.jSerialComm.SerialPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One serial port that may come and go: opened lazily with back-off, closed when a read or write shows the
 * port is gone, reopened on a later call. Reads block for at most {@link #READ_SLICE_MS} so the owning worker
 * stays responsive. Used by exactly one worker thread.
 */
public final class SerialLink implements AutoCloseable
{
    /** Longest block of one {@link #read} call. */
    public static final int READ_SLICE_MS = 20;

    private final SerialPortConfig config;
    private final Backoff backoff;
    private SerialPort port;
    private String problem;

    /**
     * @param config port settings
     * @param timing supplies the reopen back-off
     */
    public SerialLink(final SerialPortConfig config, final DriverTiming timing)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.backoff = new Backoff(timing.reopenMinMs(), timing.reopenMaxMs());
        this.problem = "not opened yet: " + config.path();
    }

    /**
     * Opens the port unless it is open or the back-off has not expired.
     *
     * @param nowMs current time
     * @return true when the port is open
     */
    public boolean ensureOpen(final long nowMs)
    {
        if (port != null)
        {
            return true;
        }
        if (!backoff.isDue(nowMs))
        {
            return false;
        }
        // enumeration does not list ptys or symlinks, so check the path itself before asking jSerialComm
        if (!Files.exists(Path.of(config.path())))
        {
            problem = "port missing: " + config.path();
            backoff.failed(nowMs);
            return false;
        }
        final SerialPort candidate = SerialPort.getCommPort(config.path());
        candidate.setComPortParameters(
            config.baudRate(), config.dataBits(), config.stopBits(), config.parity().jSerialCommValue());
        candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_SLICE_MS, 0);
        if (!candidate.openPort())
        {
            problem = "cannot open: " + config.path() + " (error " + candidate.getLastErrorCode() + ")";
            backoff.failed(nowMs);
            return false;
        }
        port = candidate;
        problem = null;
        backoff.reset();
        return true;
    }

    /**
     * @return true while the port is open
     */
    public boolean isOpen()
    {
        return port != null;
    }

    /**
     * @return why the port is not open, or null when it is
     */
    public String problem()
    {
        return problem;
    }

    /**
     * Reads what arrives within {@link #READ_SLICE_MS}.
     *
     * @param buf destination
     * @return bytes read (0 on timeout), or -1 when the port is gone (it is then closed)
     */
    public int read(final byte[] buf)
    {
        if (port == null)
        {
            return -1;
        }
        final int n = port.readBytes(buf, buf.length);
        if (n < 0)
        {
            lost();
        }
        return n;
    }

    /**
     * Writes all bytes.
     *
     * @param bytes  data
     * @param length number of bytes from the start of {@code bytes}
     * @return true when all were written; false when the port is gone (it is then closed)
     */
    public boolean write(final byte[] bytes, final int length)
    {
        if (port == null)
        {
            return false;
        }
        final int n = port.writeBytes(bytes, length);
        if (n != length)
        {
            lost();
            return false;
        }
        return true;
    }

    /**
     * Drops bytes already received and not yet read (stale replies, line noise).
     *
     * @return false when the port turned out to be gone
     */
    public boolean discardInput()
    {
        if (port == null)
        {
            return false;
        }
        final byte[] scratch = new byte[64];
        int available = port.bytesAvailable();
        while (available > 0)
        {
            if (port.readBytes(scratch, Math.min(available, scratch.length)) < 0)
            {
                break;
            }
            available = port.bytesAvailable();
        }
        if (available < 0)
        {
            lost();
            return false;
        }
        return true;
    }

    private void lost()
    {
        closePort();
        problem = "port lost: " + config.path();
    }

    private void closePort()
    {
        if (port != null)
        {
            port.closePort();
            port = null;
        }
    }

    /**
     * Closes the port; a later {@link #ensureOpen} opens it again.
     */
    @Override
    public void close()
    {
        closePort();
        problem = "closed: " + config.path();
    }
}

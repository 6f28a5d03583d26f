package okno.drivers.board;

import okno.drivers.DeviceAgent;
import okno.drivers.DeviceKind;
import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DeviceStatusListener;
import okno.drivers.DeviceWorker;
import okno.drivers.DriverTiming;
import okno.drivers.HealthReporter;
import okno.drivers.SerialLink;
import okno.drivers.SilenceTimer;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hall board showing the last N calls "ticket -> window" on an Alpha protocol sign. Writes have no
 * acknowledgement in the Alpha protocol, so the worker reads the TEXT file back on every poll: a valid reply
 * proves the board is online, and a content that differs from what okno wants shown (lost or corrupted write,
 * board restarted) is written again.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #showCall} from any thread, {@link #close()}; start and
 * close are idempotent.
 */
public final class HallBoard implements AutoCloseable
{
    private final HallBoardConfig config;
    private final DriverTiming timing;
    private final Clock clock;
    private final HealthReporter health;
    private final SerialLink link;
    private final ArrayDeque<String> calls = new ArrayDeque<>();
    private final DeviceWorker worker;
    private long version;

    /**
     * @param config         board id, port, address and number of lines
     * @param timing         poll, reply, offline and reopen timing
     * @param clock          wall clock
     * @param statusListener receives health changes (worker thread)
     */
    public HallBoard(
        final HallBoardConfig config,
        final DriverTiming timing,
        final Clock clock,
        final DeviceStatusListener statusListener)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new HealthReporter(config.deviceId(), DeviceKind.HALL_BOARD, statusListener, clock);
        this.link = new SerialLink(config.port(), timing);
        this.worker = new DeviceWorker(new BoardAgent(clock.millis()), clock);
    }

    /**
     * Starts the worker (idempotent).
     */
    public void start()
    {
        worker.start();
    }

    /**
     * Puts a call at the top of the board; the oldest call drops off when more than N are shown. Any thread.
     *
     * @param ticketNumber called ticket, e.g. {@code A042}
     * @param window       window label, e.g. {@code 12}
     */
    public void showCall(final String ticketNumber, final String window)
    {
        final String line = Objects.requireNonNull(ticketNumber, "ticketNumber") + " -> "
            + Objects.requireNonNull(window, "window");
        synchronized (calls)
        {
            calls.remove(line);
            calls.addFirst(line);
            while (calls.size() > config.lines())
            {
                calls.removeLast();
            }
            version++;
        }
        worker.wake();
    }

    /**
     * Removes all calls from the board (e.g. at closing time). Any thread.
     */
    public void clear()
    {
        synchronized (calls)
        {
            calls.clear();
            version++;
        }
        worker.wake();
    }

    /**
     * @return the lines the board should show, top first
     */
    public List<String> lines()
    {
        synchronized (calls)
        {
            return List.copyOf(calls);
        }
    }

    /**
     * @return last reported status, or null before the first poll
     */
    public DeviceStatus status()
    {
        return health.current();
    }

    /**
     * Stops the worker and closes the port (idempotent).
     */
    @Override
    public void close()
    {
        worker.close();
    }

    private final class BoardAgent implements DeviceAgent, AlphaReplyDecoder.PacketHandler
    {
        private final byte type = (byte)config.typeCode();
        private final byte label = (byte)config.fileLabel();
        private final byte[] readFrame = AlphaProtocol.readText(type, config.address(), label);
        private final AlphaReplyDecoder decoder = new AlphaReplyDecoder(this);
        private final byte[] readBuffer = new byte[256];
        private final SilenceTimer silence;
        private byte[] wanted = AlphaProtocol.textData(label, List.of());
        private byte[] readBack;
        private long wantedVersion = -1;
        private long nextPollMs;

        BoardAgent(final long nowMs)
        {
            silence = new SilenceTimer(timing.offlineAfterMs(), nowMs);
        }

        @Override
        public int doWork(final long nowMs)
        {
            if (!link.ensureOpen(nowMs))
            {
                health.report(DeviceState.OFFLINE, link.problem());
                return 0;
            }
            if (refreshWanted() && health.isOnline())
            {
                write();
                return 1;
            }
            if (nowMs < nextPollMs)
            {
                return 0;
            }
            nextPollMs = nowMs + timing.pollIntervalMs();
            if (readBack())
            {
                silence.heard(clock.millis());
                health.report(DeviceState.ONLINE, "ok");
                if (!Arrays.equals(readBack, wanted))
                {
                    write();
                }
            }
            else if (!link.isOpen())
            {
                health.report(DeviceState.OFFLINE, link.problem());
            }
            else if (silence.isSilent(clock.millis()))
            {
                health.report(DeviceState.OFFLINE, "no response");
            }
            return 1;
        }

        /** Takes the latest calls; true when they changed since the last look. */
        private boolean refreshWanted()
        {
            final List<String> snapshot;
            synchronized (calls)
            {
                if (version == wantedVersion)
                {
                    return false;
                }
                wantedVersion = version;
                snapshot = new ArrayList<>(calls);
            }
            wanted = AlphaProtocol.textData(label, snapshot);
            return true;
        }

        private void write()
        {
            final byte[] frame = AlphaProtocol.packet(type, config.address(), AlphaProtocol.WRITE_TEXT, wanted);
            if (!link.write(frame, frame.length))
            {
                health.report(DeviceState.OFFLINE, link.problem());
            }
        }

        private boolean readBack()
        {
            readBack = null;
            if (!link.discardInput() || !link.write(readFrame, readFrame.length))
            {
                return false;
            }
            final long deadline = clock.millis() + timing.replyTimeoutMs();
            while (readBack == null && clock.millis() < deadline)
            {
                final int n = link.read(readBuffer);
                if (n < 0)
                {
                    return false;
                }
                decoder.onBytes(readBuffer, n);
            }
            return readBack != null;
        }

        @Override
        public void onPacket(final byte type, final byte command, final byte[] data, final int offset, final int length)
        {
            if (type == AlphaProtocol.RESPONSE_TYPE && command == AlphaProtocol.WRITE_TEXT
                && length > 0 && data[offset] == label)
            {
                readBack = Arrays.copyOfRange(data, offset, offset + length);
            }
        }

        @Override
        public void onClose()
        {
            link.close();
        }

        @Override
        public String roleName()
        {
            return "hall-board-" + config.deviceId();
        }
    }
}

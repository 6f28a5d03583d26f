package okno.drivers.display;

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
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * All window call displays with keypads on one RS-485 bus ({@link WindowBusProtocol}). One worker thread is
 * the bus master: it sends each display its latest requested content until the display acknowledges it, and
 * polls every display once per poll interval; key presses come back in the replies and go to the
 * {@link KeypadListener} as key events for the display's window. Each display has its own health.
 *
 * <p>Content follows "latest wins": a display that was offline gets the current content when it answers again.
 * Lifecycle: construct, {@link #start()}, content calls from any thread, {@link #close()}; start and close are
 * idempotent.
 */
public final class WindowDisplay implements AutoCloseable
{
    private final WindowDisplayConfig config;
    private final DriverTiming timing;
    private final Clock clock;
    private final KeypadListener keypadListener;
    private final SerialLink link;
    private final Display[] displays;
    private final Map<String, Display> byWindow = new HashMap<>();
    private final DeviceWorker worker;

    /**
     * @param config         bus port and window addresses
     * @param timing         poll, reply, offline and reopen timing
     * @param clock          wall clock
     * @param statusListener receives health changes of each display (worker thread)
     * @param keypadListener receives key presses (worker thread)
     */
    public WindowDisplay(
        final WindowDisplayConfig config,
        final DriverTiming timing,
        final Clock clock,
        final DeviceStatusListener statusListener,
        final KeypadListener keypadListener)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keypadListener = Objects.requireNonNull(keypadListener, "keypadListener");
        this.link = new SerialLink(config.port(), timing);
        this.displays = new Display[config.windows().size()];
        final long nowMs = clock.millis();
        for (int i = 0; i < displays.length; i++)
        {
            final WindowAddress w = config.windows().get(i);
            displays[i] = new Display(w, new HealthReporter(
                config.busId() + "/" + w.windowId(), DeviceKind.WINDOW_DISPLAY, statusListener, clock),
                new SilenceTimer(timing.offlineAfterMs(), nowMs));
            byWindow.put(w.windowId(), displays[i]);
        }
        this.worker = new DeviceWorker(new BusAgent(), clock);
    }

    /**
     * Starts the bus worker (idempotent).
     */
    public void start()
    {
        worker.start();
    }

    /**
     * Shows text steadily, e.g. the ticket being served. Any thread.
     *
     * @param windowId window
     * @param text     text, CP1251, at most {@value WindowBusProtocol#MAX_TEXT} characters shown
     */
    public void show(final String windowId, final String text)
    {
        request(windowId, WindowBusProtocol.SHOW, text);
    }

    /**
     * Shows a called ticket number blinking (call and recall). Any thread.
     *
     * @param windowId     window
     * @param ticketNumber called ticket
     */
    public void call(final String windowId, final String ticketNumber)
    {
        request(windowId, WindowBusProtocol.BLINK, ticketNumber);
    }

    /**
     * Clears the display. Any thread.
     *
     * @param windowId window
     */
    public void clear(final String windowId)
    {
        request(windowId, WindowBusProtocol.CLEAR, null);
    }

    /**
     * @param windowId window
     * @return last reported status of that window's display, or null before the first poll
     */
    public DeviceStatus status(final String windowId)
    {
        return display(windowId).health.current();
    }

    private void request(final String windowId, final byte command, final String text)
    {
        final Display d = display(windowId);
        final String data = command == WindowBusProtocol.CLEAR ? null : Objects.requireNonNull(text, "text");
        d.pending.set(WindowBusProtocol.frame(d.address, command, data));
        worker.wake();
    }

    private Display display(final String windowId)
    {
        final Display d = byWindow.get(windowId);
        if (d == null)
        {
            throw new IllegalArgumentException("window " + windowId + " is not on bus " + config.busId());
        }
        return d;
    }

    /**
     * Stops the worker and closes the port (idempotent).
     */
    @Override
    public void close()
    {
        worker.close();
    }

    private static final class Display
    {
        final String windowId;
        final int address;
        final HealthReporter health;
        final SilenceTimer silence;
        final byte[] pollFrame;
        final AtomicReference<byte[]> pending = new AtomicReference<>();
        long nextPollMs;

        Display(final WindowAddress window, final HealthReporter health, final SilenceTimer silence)
        {
            this.windowId = window.windowId();
            this.address = window.address();
            this.health = health;
            this.silence = silence;
            this.pollFrame = WindowBusProtocol.frame(address, WindowBusProtocol.POLL, null);
        }
    }

    private final class BusAgent implements DeviceAgent, WindowBusDecoder.FrameHandler
    {
        private final WindowBusDecoder decoder = new WindowBusDecoder(this);
        private final byte[] readBuffer = new byte[256];
        private int expectedAddress;
        private boolean replied;
        private KeypadKey repliedKey;

        @Override
        public int doWork(final long nowMs)
        {
            if (!link.ensureOpen(nowMs))
            {
                for (final Display d : displays)
                {
                    d.health.report(DeviceState.OFFLINE, link.problem());
                }
                return 0;
            }
            int work = 0;
            for (final Display d : displays)
            {
                final byte[] content = d.pending.get();
                final boolean pollDue = clock.millis() >= d.nextPollMs;
                // a silent display is retried at the poll rate only, so it cannot starve the others
                if (content != null && (d.health.isOnline() || pollDue))
                {
                    d.nextPollMs = clock.millis() + timing.pollIntervalMs();
                    if (exchange(d, content))
                    {
                        d.pending.compareAndSet(content, null);
                    }
                    work++;
                }
                else if (pollDue)
                {
                    d.nextPollMs = clock.millis() + timing.pollIntervalMs();
                    exchange(d, d.pollFrame);
                    work++;
                }
            }
            return work;
        }

        /** Sends one frame and waits for the display's reply; true when it replied. */
        private boolean exchange(final Display d, final byte[] frame)
        {
            expectedAddress = d.address;
            replied = false;
            repliedKey = null;
            if (link.discardInput() && link.write(frame, frame.length))
            {
                final long deadline = clock.millis() + timing.replyTimeoutMs();
                while (!replied && clock.millis() < deadline)
                {
                    final int n = link.read(readBuffer);
                    if (n < 0)
                    {
                        break;
                    }
                    decoder.onBytes(readBuffer, n);
                }
            }
            final long nowMs = clock.millis();
            if (replied)
            {
                d.silence.heard(nowMs);
                d.health.report(DeviceState.ONLINE, "ok");
                if (repliedKey != null)
                {
                    keypadListener.onKey(d.windowId, repliedKey, nowMs);
                }
                return true;
            }
            if (!link.isOpen())
            {
                d.health.report(DeviceState.OFFLINE, link.problem());
            }
            else if (d.silence.isSilent(nowMs))
            {
                d.health.report(DeviceState.OFFLINE, "no response");
            }
            return false;
        }

        @Override
        public void onFrame(
            final int address, final byte command, final byte[] data, final int offset, final int length)
        {
            if (address != expectedAddress || replied)
            {
                return;
            }
            if (command == WindowBusProtocol.ACK && length == 0)
            {
                replied = true;
            }
            else if (command == WindowBusProtocol.KEY && length == 1)
            {
                final KeypadKey key = KeypadKey.fromWire(data[offset]);
                if (key != null)
                {
                    replied = true;
                    repliedKey = key;
                }
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
            return "window-bus-" + config.busId();
        }
    }
}

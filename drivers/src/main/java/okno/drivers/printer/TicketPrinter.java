package okno.drivers.printer;

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
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * ESC/POS ticket printer on one serial port. A worker thread polls the real-time status ({@code DLE EOT 1..4})
 * every poll interval and prints queued slips: status check, slip bytes, status check again. A slip that
 * cannot be printed goes back to the {@link PrintListener} with the status that stopped it, so the caller can
 * print it again once the printer is back.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #print} from any thread, {@link #close()}.
 * Both start and close are idempotent.
 */
public final class TicketPrinter implements AutoCloseable
{
    private static final int QUEUE_CAPACITY = 32;
    private static final byte DLE = 0x10;
    private static final byte EOT = 0x04;

    private final TicketPrinterConfig config;
    private final DriverTiming timing;
    private final Clock clock;
    private final PrintListener printListener;
    private final HealthReporter health;
    private final SerialLink link;
    private final EscPosSlipEncoder encoder = new EscPosSlipEncoder();
    private final ArrayBlockingQueue<TicketSlip> jobs = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final DeviceWorker worker;

    /**
     * @param config         printer id and port
     * @param timing         poll, reply, offline and reopen timing
     * @param clock          wall clock for status time stamps
     * @param statusListener receives health changes (worker thread)
     * @param printListener  receives print outcomes (worker thread)
     */
    public TicketPrinter(
        final TicketPrinterConfig config,
        final DriverTiming timing,
        final Clock clock,
        final DeviceStatusListener statusListener,
        final PrintListener printListener)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.printListener = Objects.requireNonNull(printListener, "printListener");
        this.health = new HealthReporter(config.deviceId(), DeviceKind.TICKET_PRINTER, statusListener, clock);
        this.link = new SerialLink(config.port(), timing);
        this.worker = new DeviceWorker(new PrinterAgent(clock.millis()), clock);
    }

    /**
     * Starts the worker thread (idempotent).
     */
    public void start()
    {
        worker.start();
    }

    /**
     * Queues a slip for printing. Any thread.
     *
     * @param slip the slip
     * @return false when the queue is full (the printer has been failing for a while)
     */
    public boolean print(final TicketSlip slip)
    {
        final boolean queued = jobs.offer(Objects.requireNonNull(slip, "slip"));
        worker.wake();
        return queued;
    }

    /**
     * @return the last reported status, or null before the first poll
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

    private final class PrinterAgent implements DeviceAgent
    {
        private final byte[] query = {DLE, EOT, 0};
        private final byte[] oneByte = new byte[1];
        private final int[] replies = new int[4];
        private final SilenceTimer silence;
        private long nextPollMs;

        PrinterAgent(final long nowMs)
        {
            silence = new SilenceTimer(timing.offlineAfterMs(), nowMs);
        }

        @Override
        public int doWork(final long nowMs)
        {
            if (!link.ensureOpen(nowMs))
            {
                health.report(DeviceState.OFFLINE, link.problem());
                failQueued();
                return 0;
            }
            final TicketSlip job = jobs.poll();
            if (job != null)
            {
                printJob(job);
                return 1;
            }
            if (nowMs >= nextPollMs)
            {
                nextPollMs = nowMs + timing.pollIntervalMs();
                poll(nowMs, false);
                return 1;
            }
            return 0;
        }

        private void printJob(final TicketSlip slip)
        {
            if (!isReady(poll(clock.millis(), true)))
            {
                printListener.onPrintFailed(slip, health.current());
                return;
            }
            final byte[] bytes = encoder.encode(slip);
            if (!link.write(bytes, bytes.length))
            {
                health.report(DeviceState.OFFLINE, link.problem());
                printListener.onPrintFailed(slip, health.current());
                return;
            }
            // DLE EOT is answered in real time, so this sees a paper end or cutter error caused by this slip
            if (isReady(poll(clock.millis(), true)))
            {
                printListener.onPrinted(slip);
            }
            else
            {
                printListener.onPrintFailed(slip, health.current());
            }
        }

        private boolean isReady(final PrinterStatus status)
        {
            return status != null && status.state() == DeviceState.ONLINE;
        }

        private void failQueued()
        {
            TicketSlip slip = jobs.poll();
            while (slip != null)
            {
                printListener.onPrintFailed(slip, health.current());
                slip = jobs.poll();
            }
        }

        /**
         * Queries all four status bytes and reports the result.
         *
         * @param urgent a print is waiting: report a missing reply as offline at once
         * @return the status, or null when the printer did not answer properly
         */
        private PrinterStatus poll(final long nowMs, final boolean urgent)
        {
            final PrinterStatus status = queryStatus();
            if (status == null)
            {
                if (!link.isOpen())
                {
                    health.report(DeviceState.OFFLINE, link.problem());
                }
                else if (urgent || silence.isSilent(nowMs))
                {
                    health.report(DeviceState.OFFLINE, "no response");
                }
                return null;
            }
            silence.heard(nowMs);
            health.report(status.state(), status.reason());
            return status;
        }

        private PrinterStatus queryStatus()
        {
            if (!link.discardInput())
            {
                return null;
            }
            for (int n = 1; n <= replies.length; n++)
            {
                query[2] = (byte)n;
                if (!link.write(query, query.length))
                {
                    return null;
                }
                final int reply = readStatusByte(clock.millis() + timing.replyTimeoutMs());
                if (reply < 0)
                {
                    return null;
                }
                replies[n - 1] = reply;
            }
            return PrinterStatus.decode(replies[0], replies[1], replies[2], replies[3]);
        }

        /** Reads bytes until one looks like a status reply; noise is skipped. */
        private int readStatusByte(final long deadlineMs)
        {
            while (clock.millis() < deadlineMs)
            {
                final int n = link.read(oneByte);
                if (n < 0)
                {
                    return -1;
                }
                if (n == 1 && PrinterStatus.isStatusByte(oneByte[0] & 0xFF))
                {
                    return oneByte[0] & 0xFF;
                }
            }
            return -1;
        }

        @Override
        public void onClose()
        {
            link.close();
            failQueued();
        }

        @Override
        public String roleName()
        {
            return "printer-" + config.deviceId();
        }
    }
}

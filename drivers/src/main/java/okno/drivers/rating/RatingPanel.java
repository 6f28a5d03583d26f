package okno.drivers.rating;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.net.AbstractSerialConnection;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.util.SerialParameters;
import okno.drivers.Backoff;
import okno.drivers.DeviceAgent;
import okno.drivers.DeviceKind;
import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DeviceStatusListener;
import okno.drivers.DeviceWorker;
import okno.drivers.DriverTiming;
import okno.drivers.HealthReporter;
import okno.drivers.SerialPortConfig;
import okno.drivers.SilenceTimer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * All rating panels on one Modbus RTU line, read with j2mod's serial master. Every poll interval the worker
 * reads the score and counter registers of each panel; a new counter value with a score of 1..5 becomes a
 * {@link RatingEvent} for the panel's window. Each panel has its own health. When the port is missing, or no
 * panel answered a whole round, the connection is closed and reopened with back-off.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()}; both idempotent.
 */
public final class RatingPanel implements AutoCloseable
{
    private final RatingPanelConfig config;
    private final DriverTiming timing;
    private final Clock clock;
    private final RatingListener ratingListener;
    private final Panel[] panels;
    private final DeviceWorker worker;

    /**
     * @param config         line port, panels and register address
     * @param timing         poll, reply, offline and reopen timing
     * @param clock          wall clock
     * @param statusListener receives health changes of each panel (worker thread)
     * @param ratingListener receives ratings (worker thread)
     */
    public RatingPanel(
        final RatingPanelConfig config,
        final DriverTiming timing,
        final Clock clock,
        final DeviceStatusListener statusListener,
        final RatingListener ratingListener)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ratingListener = Objects.requireNonNull(ratingListener, "ratingListener");
        this.panels = new Panel[config.panels().size()];
        final long nowMs = clock.millis();
        for (int i = 0; i < panels.length; i++)
        {
            final RatingPanelAddress p = config.panels().get(i);
            panels[i] = new Panel(p, new HealthReporter(
                config.busId() + "/" + p.windowId(), DeviceKind.RATING_PANEL, statusListener, clock),
                new SilenceTimer(timing.offlineAfterMs(), nowMs));
        }
        this.worker = new DeviceWorker(new ModbusAgent(), clock);
    }

    /**
     * Starts the worker (idempotent).
     */
    public void start()
    {
        worker.start();
    }

    /**
     * @param windowId window
     * @return last reported status of that window's panel, or null before the first poll
     */
    public DeviceStatus status(final String windowId)
    {
        for (final Panel p : panels)
        {
            if (p.windowId.equals(windowId))
            {
                return p.health.current();
            }
        }
        throw new IllegalArgumentException("window " + windowId + " has no panel on bus " + config.busId());
    }

    /**
     * Stops the worker and closes the port (idempotent).
     */
    @Override
    public void close()
    {
        worker.close();
    }

    private static final class Panel
    {
        final String windowId;
        final int unitId;
        final HealthReporter health;
        final SilenceTimer silence;
        final RatingCounterTracker tracker = new RatingCounterTracker();

        Panel(final RatingPanelAddress address, final HealthReporter health, final SilenceTimer silence)
        {
            this.windowId = address.windowId();
            this.unitId = address.unitId();
            this.health = health;
            this.silence = silence;
        }
    }

    private final class ModbusAgent implements DeviceAgent
    {
        private final Backoff backoff = new Backoff(timing.reopenMinMs(), timing.reopenMaxMs());
        private ModbusSerialMaster master;
        private String problem = "not opened yet: " + config.port().path();
        private long nextRoundMs;

        @Override
        public int doWork(final long nowMs)
        {
            if (nowMs < nextRoundMs)
            {
                return 0;
            }
            if (!ensureConnected(nowMs))
            {
                for (final Panel p : panels)
                {
                    p.health.report(DeviceState.OFFLINE, problem);
                }
                return 0;
            }
            nextRoundMs = nowMs + timing.pollIntervalMs();
            int answered = 0;
            for (final Panel p : panels)
            {
                answered += poll(p) ? 1 : 0;
            }
            if (answered == 0 && !Files.exists(Path.of(config.port().path())))
            {
                disconnect("port lost: " + config.port().path());
            }
            else if (answered == 0 && allOffline())
            {
                // the port may have been replaced behind its path: start a fresh connection
                disconnect("no panel answers on " + config.port().path());
            }
            return 1;
        }

        private boolean poll(final Panel p)
        {
            final Register[] registers;
            try
            {
                registers = master.readMultipleRegisters(p.unitId, config.firstRegister(), 2);
            }
            catch (final ModbusException ex)
            {
                if (p.silence.isSilent(clock.millis()))
                {
                    p.health.report(DeviceState.OFFLINE, "no response");
                }
                return false;
            }
            final long nowMs = clock.millis();
            p.silence.heard(nowMs);
            p.health.report(DeviceState.ONLINE, "ok");
            final int counter = registers[1].toUnsignedShort();
            final int score = p.tracker.onRead(registers[0].toUnsignedShort(), counter);
            if (score != RatingCounterTracker.NO_RATING)
            {
                ratingListener.onRating(new RatingEvent(p.windowId, score, counter, nowMs));
            }
            return true;
        }

        private boolean allOffline()
        {
            for (final Panel p : panels)
            {
                if (p.health.isOnline())
                {
                    return false;
                }
            }
            return true;
        }

        private boolean ensureConnected(final long nowMs)
        {
            if (master != null)
            {
                return true;
            }
            if (!backoff.isDue(nowMs))
            {
                return false;
            }
            final SerialPortConfig port = config.port();
            if (!Files.exists(Path.of(port.path())))
            {
                problem = "port missing: " + port.path();
                backoff.failed(nowMs);
                return false;
            }
            final SerialParameters parameters = new SerialParameters(port.path(), port.baudRate(),
                AbstractSerialConnection.FLOW_CONTROL_DISABLED, AbstractSerialConnection.FLOW_CONTROL_DISABLED,
                port.dataBits(), port.stopBits(), port.parity().jSerialCommValue(), false);
            parameters.setEncoding("rtu");
            final ModbusSerialMaster candidate = new ModbusSerialMaster(parameters, (int)timing.replyTimeoutMs());
            try
            {
                candidate.connect();
            }
            catch (final Exception ex)
            {
                problem = "cannot open: " + port.path() + " (" + ex.getMessage() + ")";
                backoff.failed(nowMs);
                return false;
            }
            candidate.setRetries(0);
            master = candidate;
            backoff.reset();
            return true;
        }

        private void disconnect(final String why)
        {
            if (master != null)
            {
                master.disconnect();
                master = null;
            }
            problem = why;
        }

        @Override
        public void onClose()
        {
            disconnect("closed");
        }

        @Override
        public String roleName()
        {
            return "rating-bus-" + config.busId();
        }
    }
}

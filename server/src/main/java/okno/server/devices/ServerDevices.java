package okno.server.devices;

import okno.config.NetworkIndex;
import okno.drivers.DriverTiming;
import okno.drivers.rating.RatingPanel;
import okno.drivers.rating.RatingPanelConfig;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.EventType;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.http.HttpRouter;
import okno.protocol.metrics.MetricsEndpoint;
import okno.protocol.ws.EventStreamHub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The serial devices of a node, wired to the engine in both directions.
 *
 * <pre>
 *  publisher thread ──EngineEvent──▶ ServerDevices ─┬─ TICKET_ISSUED ─▶ TicketSlips ─▶ KioskPrinter (ESC/POS)
 *                                                   └─ calls ─────────▶ CallDisplays ─▶ WindowDisplay, HallBoard
 *  WindowDisplay keypads ─┐
 *  RatingPanel scores ────┴─▶ DeviceCommands ─▶ EngineGateway (CALL_NEXT, RECALL, START, COMPLETE, RATE)
 *  every driver's health ───▶ DeviceHealth ─▶ /ws/... DeviceStatus, okno_device_up, GET /api/network/devices
 * </pre>
 *
 * <p>Lifecycle: construct (builds the driver configs, fails on a device that does not fit its driver), add as
 * a pipeline subscriber, {@link #register} the HTTP routes, {@link #start} once the HTTP port is known, then
 * {@link #close} before the pipeline closes (it stops the drivers, so no key press reaches a closed engine).
 * Each driver has its own worker thread; nothing here blocks the publisher thread.
 */
public final class ServerDevices implements EventListener, AutoCloseable
{
    private final boolean none;
    private final TicketSlips slips;
    private final CallDisplays displays;
    private final List<RatingPanel> ratingPanels = new ArrayList<>();
    private final DeviceEndpoints endpoints;
    private boolean closed;

    /** Devices with production timing ({@link DriverTiming#DEFAULT}) and the system clock. */
    public ServerDevices(final NetworkIndex index, final EngineGateway gateway, final EventStreamHub hub,
        final MetricsEndpoint metrics)
    {
        this(index, gateway, hub, metrics, DriverTiming.DEFAULT, Clock.systemUTC());
    }

    /**
     * @param index   the network, with its {@code devices} section
     * @param gateway where key presses and ratings go
     * @param hub     WebSocket streams that carry device status events
     * @param metrics where the device health gauges go
     * @param timing  driver poll, reply, offline and reopen timing
     * @param clock   wall clock of the drivers (status time stamps)
     * @throws IllegalArgumentException when a device does not fit its driver
     */
    public ServerDevices(final NetworkIndex index, final EngineGateway gateway, final EventStreamHub hub,
        final MetricsEndpoint metrics, final DriverTiming timing, final Clock clock)
    {
        final DevicePlan plan = new DevicePlan(index);
        none = plan.devices().isEmpty();
        final DeviceHealth health = new DeviceHealth(index, plan, hub, metrics);
        final DeviceCommands commands = new DeviceCommands(index, plan, gateway);
        slips = new TicketSlips(index, plan, gateway, health, timing, clock);
        displays = new CallDisplays(index, plan, timing, clock, health, commands);
        for (final RatingPanelConfig config : plan.ratingBuses())
        {
            ratingPanels.add(new RatingPanel(config, timing, clock, health, commands));
        }
        endpoints = new DeviceEndpoints(index, plan, health, slips);
    }

    /** Adds the reprint and device list endpoints. */
    public void register(final HttpRouter router)
    {
        endpoints.register(router);
    }

    /**
     * Starts every driver.
     *
     * @param statusBaseUrl base of the ticket status URL printed as a QR code, e.g. {@code http://host:8080}
     */
    public synchronized void start(final String statusBaseUrl)
    {
        if (closed)
        {
            return;
        }
        slips.start(statusBaseUrl);
        displays.start();
        ratingPanels.forEach(RatingPanel::start);
    }

    /** Publisher thread: hands the event's effect to the drivers without waiting. */
    @Override
    public void onEvent(final EngineEvent event)
    {
        if (none)
        {
            return;
        }
        if (event.type == EventType.TICKET_ISSUED)
        {
            slips.onIssued(event);
        }
        else
        {
            displays.onEvent(event);
        }
    }

    /** Stops the drivers (each closes its port). Idempotent. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        ratingPanels.forEach(RatingPanel::close);
        displays.close();
        slips.close();
    }
}

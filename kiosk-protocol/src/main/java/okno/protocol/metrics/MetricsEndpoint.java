package okno.protocol.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import okno.config.NetworkIndex;
import okno.engine.api.CentreSummary;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.protocol.gateway.EngineGateway;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.function.LongSupplier;

/**
 * {@code GET /metrics} in the Prometheus text format: commands and events by type, rejections by reason,
 * waiting and open windows per centre (read from the engine at scrape time), ring-buffer free slots,
 * journal lag and open connections (read from the host), and the health of each serial device.
 */
public final class MetricsEndpoint implements EventListener
{
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final NetworkIndex index;
    private final Counter commands;
    private final Counter events;
    private final Counter rejects;
    private final Gauge waiting;
    private final Gauge openWindows;
    private final Gauge deviceUp;
    /** Data points by label, looked up once: a labelled lookup per command cost the publisher thread dearly. */
    private final EnumMap<CommandType, CounterDataPoint> commandPoints = new EnumMap<>(CommandType.class);
    private final EnumMap<EventType, CounterDataPoint> eventPoints = new EnumMap<>(EventType.class);
    private final EnumMap<Result, CounterDataPoint> rejectPoints = new EnumMap<>(Result.class);

    /**
     * @param ringRemaining free slots of the command ring
     * @param journalLag    commands applied but not yet journaled
     * @param connections   open client connections (HTTP, WebSocket, binary)
     */
    public MetricsEndpoint(final NetworkIndex index, final LongSupplier ringRemaining,
        final LongSupplier journalLag, final LongSupplier connections)
    {
        this.index = index;
        commands = Counter.builder().name("okno_commands_total").help("Commands answered, by type")
            .labelNames("type").register(registry);
        events = Counter.builder().name("okno_events_total").help("Engine events, by type")
            .labelNames("type").register(registry);
        rejects = Counter.builder().name("okno_rejects_total").help("Rejected commands, by reason")
            .labelNames("reason").register(registry);
        waiting = Gauge.builder().name("okno_waiting_tickets").help("Tickets waiting, by centre")
            .labelNames("centre").register(registry);
        openWindows = Gauge.builder().name("okno_open_windows").help("Open windows, by centre")
            .labelNames("centre").register(registry);
        deviceUp = Gauge.builder().name("okno_device_up").help("1 when a serial device is online, by device")
            .labelNames("device").register(registry);
        gauge("okno_ring_remaining_slots", "Free slots of the command ring buffer", ringRemaining);
        gauge("okno_journal_lag_commands", "Commands applied but not yet journaled", journalLag);
        gauge("okno_connections", "Open client connections", connections);
    }

    private void gauge(final String name, final String help, final LongSupplier value)
    {
        GaugeWithCallback.builder().name(name).help(help)
            .callback(cb -> cb.call(value.getAsLong())).register(registry);
    }

    /** Counts an answered command (queries are not counted); call on the publisher thread. */
    public void onCommand(final Command command)
    {
        final CommandType type = command.type;
        if (type != CommandType.QUERY)
        {
            point(commandPoints, type, commands, type.name()).inc();
        }
    }

    /** Counts an event and, for a rejection, its reason; call on the publisher thread. */
    @Override
    public void onEvent(final EngineEvent event)
    {
        point(eventPoints, event.type, events, event.type.publicName()).inc();
        if (event.type == EventType.REJECTED)
        {
            point(rejectPoints, event.reason, rejects, event.reason.name()).inc();
        }
    }

    private static <K extends Enum<K>> CounterDataPoint point(final EnumMap<K, CounterDataPoint> points, final K key,
        final Counter counter, final String label)
    {
        CounterDataPoint point = points.get(key);
        if (point == null)
        {
            point = counter.labelValues(label);
            points.put(key, point);
        }
        return point;
    }

    /** Sets the health gauge of a serial device (1 online, 0 offline or fault); any thread. */
    public void deviceUp(final String device, final boolean up)
    {
        deviceUp.labelValues(device).set(up ? 1 : 0);
    }

    /** Adds {@code GET /metrics}, reading per-centre gauges through the gateway at scrape time. */
    public void register(final HttpRouter router, final EngineGateway gateway)
    {
        router.add("GET", "/metrics", request -> gateway.query(view ->
        {
            for (int c = 0; c < view.centreCount(); c++)
            {
                final CentreSummary summary = view.centreSummary(c);
                final String centre = index.centreAt(c).id();
                waiting.labelValues(centre).set(summary.waiting());
                openWindows.labelValues(centre).set(summary.openWindows());
            }
            return null;
        }).thenApplyAsync(ignored -> ApiResponse.text(scrape(), PrometheusTextFormatWriter.CONTENT_TYPE),
            request.executor()));
    }

    private String scrape()
    {
        try
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.write(out, registry.scrape());
            return out.toString(StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

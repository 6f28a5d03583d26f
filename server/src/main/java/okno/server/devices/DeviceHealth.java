package okno.server.devices;

import okno.config.DeviceDef;
import okno.config.NetworkIndex;
import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DeviceStatusListener;
import okno.protocol.metrics.MetricsEndpoint;
import okno.protocol.ws.EventStreamHub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest health of every configured device. Drivers report on their worker threads under their own ids
 * (a bus member as {@code port/deviceId}); each change is kept under the configured device id, set as the gauge
 * {@code okno_device_up{device}} and sent on the centre's and the network's WebSocket streams as a
 * {@code DeviceStatus} event. Every device starts as down on the gauge and {@code UNKNOWN} in listings until
 * its driver's first report.
 */
final class DeviceHealth implements DeviceStatusListener
{
    private static final System.Logger LOG = System.getLogger(DeviceHealth.class.getName());

    private final NetworkIndex index;
    private final DevicePlan plan;
    private final EventStreamHub hub;
    private final MetricsEndpoint metrics;
    private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();

    DeviceHealth(final NetworkIndex index, final DevicePlan plan, final EventStreamHub hub,
        final MetricsEndpoint metrics)
    {
        this.index = index;
        this.plan = plan;
        this.hub = hub;
        this.metrics = metrics;
        for (final DeviceDef def : plan.devices())
        {
            metrics.deviceUp(def.id(), false);
        }
    }

    @Override
    public void onDeviceStatus(final DeviceStatus reported)
    {
        final DeviceDef def = plan.device(reported.deviceId());
        if (def == null)
        {
            throw new IllegalStateException("a driver reported unknown device " + reported.deviceId());
        }
        final DeviceStatus status = new DeviceStatus(def.id(), reported.kind(), reported.state(), reported.reason(),
            reported.timestampMs());
        statuses.put(def.id(), status);
        metrics.deviceUp(def.id(), status.state() == DeviceState.ONLINE);
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "DeviceStatus");
        event.put("at", Instant.ofEpochMilli(status.timestampMs()).toString());
        event.putAll(describe(def));
        hub.publish(index.centre(def.centre()), event);
        LOG.log(status.state() == DeviceState.ONLINE ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
            "device {0} ({1}) {2}: {3}", def.id(), def.kind().wireName(), status.state(), status.reason());
    }

    /** @return true when the device's last report was {@link DeviceState#ONLINE}. */
    boolean isOnline(final String deviceId)
    {
        final DeviceStatus status = statuses.get(deviceId);
        return status != null && status.state() == DeviceState.ONLINE;
    }

    /** @return the device's last report, or {@code null} before the first one. */
    DeviceStatus status(final String deviceId)
    {
        return statuses.get(deviceId);
    }

    /** @return id, kind, centre, window, state, reason and time of the last report, ready for JSON. */
    Map<String, Object> describe(final DeviceDef def)
    {
        final DeviceStatus status = statuses.get(def.id());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", def.id());
        m.put("kind", def.kind().wireName());
        m.put("centre", def.centre());
        if (def.window() != null)
        {
            m.put("window", def.window());
        }
        m.put("state", status == null ? "UNKNOWN" : status.state().name());
        m.put("reason", status == null ? "not polled yet" : status.reason());
        m.put("since", status == null ? null : Instant.ofEpochMilli(status.timestampMs()).toString());
        return m;
    }
}

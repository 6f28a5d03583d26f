package okno.server.devices;

import okno.config.DeviceDef;
import okno.config.NetworkIndex;
import okno.drivers.display.KeypadKey;
import okno.drivers.display.KeypadListener;
import okno.drivers.rating.RatingEvent;
import okno.drivers.rating.RatingListener;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import okno.protocol.gateway.EngineGateway;

import java.util.function.Consumer;

/**
 * Turns what visitors and staff do at the devices into engine commands for the device's window: keypad keys
 * call-next / recall / start / complete, and a new score on a rating panel becomes RATE. Called on the bus
 * workers' threads; submitting waits only while the command ring is full. A refused command (nothing to call,
 * no visit to rate) is logged, never retried.
 */
final class DeviceCommands implements KeypadListener, RatingListener
{
    private static final System.Logger LOG = System.getLogger(DeviceCommands.class.getName());

    private final NetworkIndex index;
    private final DevicePlan plan;
    private final EngineGateway gateway;

    DeviceCommands(final NetworkIndex index, final DevicePlan plan, final EngineGateway gateway)
    {
        this.index = index;
        this.plan = plan;
        this.gateway = gateway;
    }

    @Override
    public void onKey(final String deviceId, final KeypadKey key, final long timestampMs)
    {
        submit(deviceId, switch (key)
        {
            case CALL_NEXT -> CommandType.CALL_NEXT;
            case RECALL -> CommandType.RECALL;
            case START -> CommandType.START_SERVICE;
            case COMPLETE -> CommandType.COMPLETE_SERVICE;
        }, c -> { });
    }

    @Override
    public void onRating(final RatingEvent event)
    {
        submit(event.windowId(), CommandType.RATE, c -> c.score = event.score());
    }

    private void submit(final String deviceId, final CommandType type, final Consumer<Command> extra)
    {
        final DeviceDef def = plan.byId(deviceId);
        final int centre = index.centre(def.centre());
        final int window = index.window(centre, def.window());
        try
        {
            gateway.submit(c ->
            {
                c.type = type;
                c.centre = centre;
                c.window = window;
                extra.accept(c);
            }, c ->
            {
                if (c.result != Result.OK)
                {
                    LOG.log(System.Logger.Level.INFO, "{0} from device {1} refused: {2}", type, deviceId,
                        c.result.message());
                }
            });
        }
        catch (final IllegalStateException ex)
        {
            LOG.log(System.Logger.Level.WARNING, type + " from device " + deviceId + " lost: engine closed", ex);
        }
    }
}

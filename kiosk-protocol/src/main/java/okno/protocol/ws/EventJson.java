package okno.protocol.ws;

import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.engine.api.EngineEvent;
import okno.engine.api.TicketNumber;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns an engine event (indexes) into the public JSON shape (ids): {@code {"type":"TicketCalled",
 * "centre":"tverskoy","window":"3","ticket":"A042",...}}. Fields that do not apply are left out.
 */
public final class EventJson
{
    private final NetworkIndex index;

    public EventJson(final NetworkIndex index)
    {
        this.index = index;
    }

    /** @return an ordered map ready for Jackson; call on the thread that owns the event flyweight. */
    public Map<String, Object> toMap(final EngineEvent e)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type.publicName());
        m.put("at", Instant.ofEpochMilli(e.timestampMs).toString());
        if (e.centre >= 0)
        {
            m.put("centre", index.centreAt(e.centre).id());
            if (e.window >= 0)
            {
                m.put("window", index.windowAt(e.centre, e.window).id());
            }
        }
        if (e.staff >= 0)
        {
            m.put("staff", index.staffAt(e.staff).id());
        }
        if (e.ticket >= 0)
        {
            m.put("ticket", TicketNumber.format(e.ticket));
        }
        if (e.service >= 0)
        {
            m.put("service", index.serviceAt(e.service).id());
        }
        final PriorityClass priority = PriorityClass.fromCode(e.priority);
        if (priority != null)
        {
            m.put("priority", priority.wireName());
        }
        putIfSet(m, "callCount", e.callCount);
        putIfSet(m, "position", e.position);
        putIfSet(m, "etaSeconds", e.etaSeconds);
        putIfSet(m, "score", e.score);
        if (e.durationMs >= 0)
        {
            m.put("durationMs", e.durationMs);
        }
        if (e.targetCentre >= 0)
        {
            m.put("targetCentre", index.centreAt(e.targetCentre).id());
            if (e.targetWindow >= 0)
            {
                m.put("targetWindow", index.windowAt(e.targetCentre, e.targetWindow).id());
            }
        }
        else if (e.targetWindow >= 0 && e.centre >= 0)
        {
            m.put("targetWindow", index.windowAt(e.centre, e.targetWindow).id());
        }
        if (e.arrivalMs > 0)
        {
            m.put("arrivesAt", Instant.ofEpochMilli(e.arrivalMs).toString());
        }
        if (e.slotMs > 0)
        {
            m.put("slot", Instant.ofEpochMilli(e.slotMs).toString());
        }
        if (e.reason != null)
        {
            m.put("reason", e.reason.name());
            m.put("message", e.reason.message());
        }
        return m;
    }

    private static void putIfSet(final Map<String, Object> m, final String key, final int value)
    {
        if (value >= 0)
        {
            m.put(key, value);
        }
    }
}

package okno.engine;

import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;

/** An immutable copy of an {@link EngineEvent} flyweight, for assertions and replay comparisons. */
public record RecordedEvent(EventType type, long timestampMs, int centre, int window, int staff, int ticket,
    int service, int priority, int callCount, long durationMs, int position, int etaSeconds, int score,
    int targetCentre, int targetWindow, long appointmentCode, long slotMs, long arrivalMs, int flag, int kiosk,
    Result reason, CommandType rejectedCommand)
{
    /** @return a copy of the flyweight's current content. */
    public static RecordedEvent copyOf(final EngineEvent e)
    {
        return new RecordedEvent(e.type, e.timestampMs, e.centre, e.window, e.staff, e.ticket, e.service, e.priority,
            e.callCount, e.durationMs, e.position, e.etaSeconds, e.score, e.targetCentre, e.targetWindow,
            e.appointmentCode, e.slotMs, e.arrivalMs, e.flag, e.kiosk, e.reason, e.rejectedCommand);
    }

    /** @return printed ticket number, or "-". */
    public String label()
    {
        return ticket < 0 ? "-" : TicketNumber.format(ticket);
    }
}

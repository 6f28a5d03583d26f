package okno.engine.api;

/**
 * A reusable event flyweight handed to {@link EventListener#onEvent}. The engine overwrites it for the next
 * event: a listener that keeps anything must copy the fields. Fields that do not apply are -1 (0 for
 * appointment code and slot).
 */
public final class EngineEvent
{
    public EventType type;
    public long timestampMs;
    public int centre;
    public int window;
    public int staff;
    /** Packed ticket number, see {@link TicketNumber}. */
    public int ticket;
    /** Service the event is about (the current service of a multi-service visit). */
    public int service;
    /** Priority class code. */
    public int priority;
    /** Calls made so far for the current service (1 on first call). */
    public int callCount;
    /** Wait of the visit until this call, or the service time on completion, in milliseconds. */
    public long durationMs;
    /** Position in line at issue. */
    public int position;
    /** Predicted wait at issue, seconds; -1 when no open window serves the service. */
    public int etaSeconds;
    /** Rating score 1..5. */
    public int score;
    public int targetCentre;
    public int targetWindow;
    public long appointmentCode;
    public long slotMs;
    /** Staff arrival time for moves. */
    public long arrivalMs;
    /** Small argument of the event, e.g. 1/0 for standby on/off; -1 when it does not apply. */
    public int flag;
    /**
     * Kiosk that issued the ticket ({@link EventType#TICKET_ISSUED}), copied from {@link Command#kiosk}; -1 when
     * unknown or when the event is of another type.
     */
    public int kiosk;
    /** Rejection reason for {@link EventType#REJECTED}. */
    public Result reason;
    /** Command type that was rejected. */
    public CommandType rejectedCommand;

    /** Resets every field to "absent" and sets type and time. */
    public EngineEvent reset(final EventType type, final long timestampMs)
    {
        this.type = type;
        this.timestampMs = timestampMs;
        centre = -1;
        window = -1;
        staff = -1;
        ticket = -1;
        service = -1;
        priority = -1;
        callCount = -1;
        durationMs = -1;
        position = -1;
        etaSeconds = -1;
        score = -1;
        targetCentre = -1;
        targetWindow = -1;
        appointmentCode = 0;
        slotMs = 0;
        arrivalMs = 0;
        flag = -1;
        kiosk = -1;
        reason = null;
        rejectedCommand = null;
        return this;
    }

    /** Copies every field of another event into this one (hosts that keep events past the callback). */
    public EngineEvent copyFrom(final EngineEvent from)
    {
        this.type = from.type;
        this.timestampMs = from.timestampMs;
        this.centre = from.centre;
        this.window = from.window;
        this.staff = from.staff;
        this.ticket = from.ticket;
        this.service = from.service;
        this.priority = from.priority;
        this.callCount = from.callCount;
        this.durationMs = from.durationMs;
        this.position = from.position;
        this.etaSeconds = from.etaSeconds;
        this.score = from.score;
        this.targetCentre = from.targetCentre;
        this.targetWindow = from.targetWindow;
        this.appointmentCode = from.appointmentCode;
        this.slotMs = from.slotMs;
        this.arrivalMs = from.arrivalMs;
        this.reason = from.reason;
        this.flag = from.flag;
        this.kiosk = from.kiosk;
        this.rejectedCommand = from.rejectedCommand;
        return this;
    }

    @Override
    public String toString()
    {
        return type + "{t=" + timestampMs + " centre=" + centre + " window=" + window
            + " ticket=" + (ticket < 0 ? "-" : TicketNumber.format(ticket)) + " service=" + service
            + (reason == null ? "" : " reason=" + reason) + '}';
    }
}

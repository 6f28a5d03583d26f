package okno.engine.api;

/** What an {@link EngineEvent} reports. Codes are stable; names match the public event names in DESIGN.md. */
public enum EventType
{
    TICKET_ISSUED(1, "TicketIssued"),
    TICKET_CALLED(2, "TicketCalled"),
    TICKET_RECALLED(3, "TicketRecalled"),
    SERVICE_STARTED(4, "ServiceStarted"),
    SERVICE_COMPLETED(5, "ServiceCompleted"),
    NO_SHOW(6, "NoShow"),
    POSTPONED(7, "Postponed"),
    TRANSFERRED(8, "Transferred"),
    TICKET_CANCELLED(9, "TicketCancelled"),
    RATED(10, "Rated"),
    APPOINTMENT_BOOKED(11, "AppointmentBooked"),
    APPOINTMENT_CANCELLED(12, "AppointmentCancelled"),
    CHECKED_IN(13, "CheckedIn"),
    WINDOW_OPENED(20, "WindowOpened"),
    WINDOW_CLOSED(21, "WindowClosed"),
    WINDOW_BREAK(22, "WindowBreak"),
    STAFF_MOVED(30, "StaffMoved"),
    STAFF_ARRIVED(31, "StaffArrived"),
    STAFF_STANDBY(32, "StaffStandby"),
    /** The balancer proposes a move: staff, centre (from), targetCentre, flag = proposal id, durationMs = score. */
    PROPOSAL_MADE(33, "BalancerProposal"),
    /** A proposal is carried out (auto mode or operator); a {@link #STAFF_MOVED} with the same flag follows. */
    PROPOSAL_ACCEPTED(34, "ProposalAccepted"),
    /** The balancer mode changed: flag 0 manual, 1 auto. */
    BALANCER_MODE(35, "BalancerMode"),
    DAY_STARTED(40, "DayStarted"),
    REJECTED(99, "Rejected");

    private final int code;
    private final String publicName;

    EventType(final int code, final String publicName)
    {
        this.code = code;
        this.publicName = publicName;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return the event name used in JSON streams. */
    public String publicName()
    {
        return publicName;
    }
}

package okno.engine.api;

/**
 * Outcome of a command: {@link #OK} or a precise rejection. Codes are stable and grouped by stage:
 * -1xxx input and references, -2xxx tickets and appointments, -3xxx windows, -4xxx staff.
 * A rejected command leaves state unchanged.
 */
public enum Result
{
    OK(0, RejectKind.NONE, "ok"),

    UNKNOWN_COMMAND(-1001, RejectKind.BAD_INPUT, "unknown command type"),
    UNKNOWN_CENTRE(-1002, RejectKind.NOT_FOUND, "no such centre"),
    UNKNOWN_WINDOW(-1003, RejectKind.NOT_FOUND, "no such window at this centre"),
    UNKNOWN_SERVICE(-1004, RejectKind.NOT_FOUND, "no such service"),
    UNKNOWN_STAFF(-1005, RejectKind.NOT_FOUND, "no such staff member"),
    UNKNOWN_TICKET(-1006, RejectKind.NOT_FOUND, "no such ticket today at this centre"),
    UNKNOWN_APPOINTMENT(-1007, RejectKind.NOT_FOUND, "no such appointment code at this centre"),
    UNKNOWN_PROPOSAL(-1008, RejectKind.NOT_FOUND, "no such open balancer proposal"),
    BAD_PRIORITY(-1010, RejectKind.BAD_INPUT, "unknown priority class"),
    NO_SERVICES(-1011, RejectKind.BAD_INPUT, "a ticket needs at least one service"),
    TOO_MANY_SERVICES(-1012, RejectKind.BAD_INPUT, "too many services in one visit"),
    DUPLICATE_SERVICE(-1013, RejectKind.BAD_INPUT, "the same service is listed twice"),
    BAD_SCORE(-1014, RejectKind.BAD_INPUT, "a rating score must be 1 to 5"),
    BAD_SLOT(-1015, RejectKind.BAD_INPUT, "not a slot start time of this centre"),
    TIME_WENT_BACKWARDS(-1016, RejectKind.BAD_INPUT, "command time is earlier than engine time"),
    BAD_FLAG(-1017, RejectKind.BAD_INPUT, "the flag must be 0 or 1"),

    SERVICE_NOT_OFFERED(-2001, RejectKind.CONFLICT, "the centre has no window for this service"),
    PRIORITY_NOT_ALLOWED(-2002, RejectKind.CONFLICT, "this priority class is not allowed for the service"),
    CENTRE_CLOSED(-2003, RejectKind.CONFLICT, "the centre is closed at this time"),
    TICKET_NOT_WAITING(-2004, RejectKind.CONFLICT, "the ticket is not waiting"),
    TICKET_NOT_POSTPONED(-2005, RejectKind.CONFLICT, "the ticket is not postponed"),
    SLOT_FULL(-2010, RejectKind.CONFLICT, "the appointment slot is fully booked"),
    SLOT_IN_PAST(-2011, RejectKind.CONFLICT, "the appointment slot has already begun"),
    APPOINTMENT_NOT_ACTIVE(-2012, RejectKind.CONFLICT, "the appointment was cancelled or already used"),
    CHECK_IN_TOO_EARLY(-2013, RejectKind.CONFLICT, "check-in opens 60 minutes before the slot"),

    WINDOW_CLOSED(-3001, RejectKind.CONFLICT, "the window is closed"),
    WINDOW_ALREADY_OPEN(-3002, RejectKind.CONFLICT, "the window is already open"),
    WINDOW_BUSY(-3003, RejectKind.CONFLICT, "the window still has a visitor"),
    NO_CURRENT_TICKET(-3004, RejectKind.CONFLICT, "the window has no current ticket"),
    NOTHING_TO_CALL(-3005, RejectKind.EMPTY, "no waiting ticket this window can serve"),
    ALREADY_SERVING(-3006, RejectKind.CONFLICT, "service has already started"),
    NOT_SERVING(-3007, RejectKind.CONFLICT, "service has not started"),
    NO_SHOW_TOO_EARLY(-3008, RejectKind.CONFLICT, "a no-show needs more calls first"),
    NOTHING_TO_RATE(-3009, RejectKind.CONFLICT, "the window has no visit to rate"),
    ALREADY_RATED(-3010, RejectKind.CONFLICT, "the visit is already rated"),
    TRANSFER_TARGET_INVALID(-3011, RejectKind.CONFLICT, "the transfer target cannot take this ticket"),
    WINDOW_CANNOT_SERVE(-3012, RejectKind.CONFLICT, "the window does not serve this ticket's service"),
    WINDOW_ON_BREAK(-3013, RejectKind.CONFLICT, "the window is paused for a break"),

    STAFF_BUSY(-4001, RejectKind.CONFLICT, "the staff member is already at a window"),
    STAFF_NOT_HERE(-4002, RejectKind.CONFLICT, "the staff member is not at this centre"),
    STAFF_TRAVELLING(-4003, RejectKind.CONFLICT, "the staff member is travelling"),
    STAFF_ALREADY_THERE(-4004, RejectKind.CONFLICT, "the staff member is already at that centre");

    private final int code;
    private final RejectKind kind;
    private final String message;

    Result(final int code, final RejectKind kind, final String message)
    {
        this.code = code;
        this.kind = kind;
        this.message = message;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return class of the rejection, {@link RejectKind#NONE} for OK. */
    public RejectKind kind()
    {
        return kind;
    }

    /** @return a human sentence fragment describing the outcome. */
    public String message()
    {
        return message;
    }

    /** @return the result with this code, or {@code null}. */
    public static Result fromCode(final int code)
    {
        for (final Result r : values())
        {
            if (r.code == code)
            {
                return r;
            }
        }
        return null;
    }
}

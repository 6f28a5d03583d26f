package okno.engine.api;

/** State of a booked appointment. {@link #code()} is stable. */
public enum AppointmentState
{
    ACTIVE(1),
    /** Checked in: turned into a ticket. */
    USED(2),
    CANCELLED(3);

    private static final AppointmentState[] BY_CODE = {null, ACTIVE, USED, CANCELLED};

    private final int code;

    AppointmentState(final int code)
    {
        this.code = code;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return the state with this code, or {@code null}. */
    public static AppointmentState fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

package okno.engine.api;

/** State of a staff member. {@link #code()} is stable. */
public enum StaffMode
{
    OFF(1),
    AT_WINDOW(2),
    BREAK(3),
    /** Available at a centre, may be sent elsewhere. */
    STANDBY(4),
    TRAVELLING(5);

    private static final StaffMode[] BY_CODE = {null, OFF, AT_WINDOW, BREAK, STANDBY, TRAVELLING};

    private final int code;

    StaffMode(final int code)
    {
        this.code = code;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return the mode with this code, or {@code null}. */
    public static StaffMode fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

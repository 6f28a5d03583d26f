package okno.engine.api;

/** State of a service window. {@link #code()} is stable. */
public enum WindowMode
{
    CLOSED(1),
    OPEN(2),
    /** Paused with its staff member on break; opening it again resumes. */
    BREAK(3);

    private static final WindowMode[] BY_CODE = {null, CLOSED, OPEN, BREAK};

    private final int code;

    WindowMode(final int code)
    {
        this.code = code;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return the mode with this code, or {@code null}. */
    public static WindowMode fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

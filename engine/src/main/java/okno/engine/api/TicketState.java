package okno.engine.api;

/**
 * Life-cycle state of a ticket. {@link #code()} is stable (snapshots, hashes, wire), never {@link #ordinal()}.
 *
 * <pre>
 *   WAITING -> CALLED -> SERVING -> DONE
 *      ^         |  \        |
 *      |         |   +-> NO_SHOW, POSTPONED (-> CALLED again by call-ticket)
 *      +---------+--------- + (next service of a multi-service visit, transfer)
 *   WAITING, POSTPONED -> CANCELLED (by the visitor or at day end)
 * </pre>
 */
public enum TicketState
{
    WAITING(1),
    CALLED(2),
    SERVING(3),
    DONE(4),
    NO_SHOW(5),
    POSTPONED(6),
    CANCELLED(7);

    /** Number of states; codes run 1..COUNT. */
    public static final int COUNT = 7;

    private static final TicketState[] BY_CODE = {null, WAITING, CALLED, SERVING, DONE, NO_SHOW, POSTPONED, CANCELLED};

    private final int code;

    TicketState(final int code)
    {
        this.code = code;
    }

    /** @return stable code, 1..{@link #COUNT}. */
    public int code()
    {
        return code;
    }

    /** @return whether the visit is still in the centre's hands (waiting, called, serving or postponed). */
    public boolean isOpen()
    {
        return this == WAITING || this == CALLED || this == SERVING || this == POSTPONED;
    }

    /** @return the state with this code, or {@code null}. */
    public static TicketState fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

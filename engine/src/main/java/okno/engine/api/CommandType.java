package okno.engine.api;

/**
 * What a {@link Command} asks the engine to do. {@link #code()} is stable (journal, wire, hashes);
 * {@link #mutates()} tells the journaler whether the command must be recorded.
 */
public enum CommandType
{
    /** Advances engine time only: fires due timers (staff arrivals, day start). */
    TICK(1, true),

    ISSUE_TICKET(10, true),
    CANCEL_TICKET(11, true),
    BOOK_APPOINTMENT(12, true),
    CANCEL_APPOINTMENT(13, true),
    CHECK_IN(14, true),

    OPEN_WINDOW(20, true),
    CLOSE_WINDOW(21, true),
    BREAK_WINDOW(22, true),
    CALL_NEXT(23, true),
    CALL_TICKET(24, true),
    RECALL(25, true),
    START_SERVICE(26, true),
    COMPLETE_SERVICE(27, true),
    NO_SHOW(28, true),
    POSTPONE(29, true),
    TRANSFER(30, true),
    RATE(31, true),

    ASSIGN_STAFF(40, true),
    SET_STANDBY(41, true),
    /** Sets the balancer mode: {@link Command#flag} 0 manual, 1 auto. */
    SET_BALANCER_MODE(42, true),
    /** Carries out an open balancer proposal: {@link Command#flag} is the proposal id. */
    ACCEPT_PROPOSAL(43, true),

    /** Read-only: runs {@link Command#query} on the engine thread; never journaled. */
    QUERY(100, false);

    private static final CommandType[] BY_CODE = new CommandType[128];

    static
    {
        for (final CommandType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;
    private final boolean mutates;

    CommandType(final int code, final boolean mutates)
    {
        this.code = code;
        this.mutates = mutates;
    }

    /** @return stable code. */
    public int code()
    {
        return code;
    }

    /** @return whether the command can change state and so must be journaled. */
    public boolean mutates()
    {
        return mutates;
    }

    /** @return the type with that code, or {@code null}. */
    public static CommandType fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

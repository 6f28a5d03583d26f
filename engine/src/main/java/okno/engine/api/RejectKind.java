package okno.engine.api;

/** Class of a rejection, which edges map to their own status codes (HTTP 400/404/409...). */
public enum RejectKind
{
    /** The command is accepted. */
    NONE,
    /** A value is malformed or out of range. */
    BAD_INPUT,
    /** A referenced centre, window, service, staff member, ticket or appointment does not exist. */
    NOT_FOUND,
    /** The command conflicts with the current state (window closed, no current ticket...). */
    CONFLICT,
    /** Nothing to do: e.g. call-next with no ticket the window can serve. */
    EMPTY
}

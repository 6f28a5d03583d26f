package okno.config;

/** Role carried by an API token. */
public enum Role
{
    /** Takes tickets and checks in appointments at one centre. */
    KIOSK,
    /** Acts on the windows of one centre. */
    TERMINAL,
    /** Reads centre state and event streams. */
    DISPLAY,
    /** Watches the whole network and moves staff. */
    OPERATOR
}

package okno.config;

/**
 * Kind of a serial device attached to a centre. {@link #code()} is stable: it may go into journals and state
 * hashes, never {@link #ordinal()}.
 */
public enum DeviceKind
{
    /** ESC/POS ticket printer of a kiosk. */
    TICKET_PRINTER(1, "ticket-printer"),
    /** Call display with keypad above one window, on an RS-485 bus. */
    WINDOW_DISPLAY(2, "window-display"),
    /** Hall board showing the latest calls (Alpha sign protocol). */
    HALL_BOARD(3, "hall-board"),
    /** Rating panel of one window (Modbus RTU). */
    RATING_PANEL(4, "rating-panel");

    private final int code;
    private final String wireName;

    DeviceKind(final int code, final String wireName)
    {
        this.code = code;
        this.wireName = wireName;
    }

    /** @return stable numeric code. */
    public int code()
    {
        return code;
    }

    /** @return lower-case name used in YAML and JSON, e.g. {@code ticket-printer}. */
    public String wireName()
    {
        return wireName;
    }

    /** @return the kind with this wire name, or {@code null} when the name is unknown. */
    public static DeviceKind fromWireName(final String name)
    {
        for (final DeviceKind kind : values())
        {
            if (kind.wireName.equals(name))
            {
                return kind;
            }
        }
        return null;
    }
}

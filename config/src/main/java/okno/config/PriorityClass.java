package okno.config;

/**
 * Priority class of a ticket. {@link #code()} is stable: it goes into journals, snapshots and state hashes,
 * never {@link #ordinal()}.
 */
public enum PriorityClass
{
    NORMAL(1, "normal"),
    ACCESSIBILITY(2, "accessibility"),
    APPOINTMENT(3, "appointment");

    private static final PriorityClass[] BY_CODE = {null, NORMAL, ACCESSIBILITY, APPOINTMENT};

    private final int code;
    private final String wireName;

    PriorityClass(final int code, final String wireName)
    {
        this.code = code;
        this.wireName = wireName;
    }

    /** @return stable numeric code used on the wire and in hashes. */
    public int code()
    {
        return code;
    }

    /** @return lower-case name used in YAML and JSON. */
    public String wireName()
    {
        return wireName;
    }

    /** @return the class with this code, or {@code null} when the code is unknown. */
    public static PriorityClass fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** @return the class with this wire name, or {@code null} when the name is unknown. */
    public static PriorityClass fromWireName(final String name)
    {
        for (final PriorityClass p : values())
        {
            if (p.wireName.equals(name))
            {
                return p;
            }
        }
        return null;
    }
}

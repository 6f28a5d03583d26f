package okno.engine.balancer;

/** Whether the balancer's proposals wait for an operator or are carried out at once. Codes are stable. */
public enum BalancerMode
{
    /** Proposals wait for an operator's accept. */
    MANUAL(0, "manual"),
    /** Proposals are carried out as soon as they are made. */
    AUTO(1, "auto");

    private final int code;
    private final String publicName;

    BalancerMode(final int code, final String publicName)
    {
        this.code = code;
        this.publicName = publicName;
    }

    /** @return stable code (also the flag of the command that sets the mode). */
    public int code()
    {
        return code;
    }

    /** @return name used in the API. */
    public String publicName()
    {
        return publicName;
    }

    /** @return the mode with that code, or {@code null}. */
    public static BalancerMode fromCode(final int code)
    {
        return code == 0 ? MANUAL : code == 1 ? AUTO : null;
    }

    /** @return the mode with that public name, or {@code null}. */
    public static BalancerMode fromName(final String name)
    {
        for (final BalancerMode mode : values())
        {
            if (mode.publicName.equals(name))
            {
                return mode;
            }
        }
        return null;
    }
}

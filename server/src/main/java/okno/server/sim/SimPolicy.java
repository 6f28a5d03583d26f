package okno.server.sim;

import java.util.Locale;

/** How the simulated windows choose whom to call, and whether the balancer moves staff. */
public enum SimPolicy
{
    /** Per-centre first come, first served: a free window calls the oldest ticket it can serve (CALL_TICKET). */
    FIFO("fifo"),
    /** The engine's call-next policy (CALL_NEXT), balancer in manual mode with nobody accepting. */
    OKNO("okno"),
    /** The engine's call-next policy with the balancer in auto mode moving standby and idle staff. */
    BALANCER("okno+balancer");

    private final String publicName;

    SimPolicy(final String publicName)
    {
        this.publicName = publicName;
    }

    /** @return name in reports and on the command line. */
    public String publicName()
    {
        return publicName;
    }

    /** @return the policy of that name (case-insensitive; {@code balancer} also names the last). */
    public static SimPolicy byName(final String name)
    {
        final String lower = name.toLowerCase(Locale.ROOT);
        for (final SimPolicy p : values())
        {
            if (p.publicName.equals(lower))
            {
                return p;
            }
        }
        if ("balancer".equals(lower))
        {
            return BALANCER;
        }
        throw new IllegalArgumentException("unknown policy '" + name + "' (known: fifo, okno, okno+balancer)");
    }
}

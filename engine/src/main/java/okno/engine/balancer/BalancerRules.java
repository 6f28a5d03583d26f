package okno.engine.balancer;

/**
 * Tuning of the {@link Balancer}, all in engine time.
 *
 * @param intervalMs     time between evaluations
 * @param highWaitMs     a centre whose predicted wait exceeds this is overloaded (once it has been for
 *                       {@code sustainMs})
 * @param sustainMs      how long a centre must stay over {@code highWaitMs} before it receives staff: a passing
 *                       burst drains by itself faster than a member can travel
 * @param lowWaitMs      a centre may give away an idle window's staff only if its predicted wait stays below this
 * @param cooldownMs     a moved staff member is not moved again, and a centre that received staff gives none
 *                       away, for this long (hysteresis: no ping-pong)
 * @param horizonMs      how far ahead a move's benefit is counted (moves travelling longer are never proposed)
 * @param maxProposals   most proposals kept at once
 */
public record BalancerRules(long intervalMs, long highWaitMs, long sustainMs, long lowWaitMs, long cooldownMs,
    long horizonMs, int maxProposals)
{
    /**
     * Defaults for a 15-minute promise: evaluate each minute, overloaded above 3 minutes (the network's mean-wait
     * target) for 2 minutes, quiet below 1, cooldown 1 hour, horizon 2 hours. Help takes 10-30 minutes to travel:
     * waiting for 5 minutes over a 5-minute mark (the first defaults) let it arrive after the promise had passed
     * for the visitors already in line, and the city-day simulator with demand surprise showed twice the visits
     * over 15 minutes at the same staff.
     */
    public static final BalancerRules DEFAULT = new BalancerRules(60_000L, 180_000L, 120_000L, 60_000L,
        3_600_000L, 7_200_000L, 16);

    public BalancerRules
    {
        if (intervalMs <= 0 || lowWaitMs < 0 || highWaitMs <= lowWaitMs || sustainMs < 0 || maxProposals <= 0
            || horizonMs < 0)
        {
            throw new IllegalArgumentException("balancer rules out of range: " + intervalMs + ", " + highWaitMs
                + ", " + sustainMs + ", " + lowWaitMs + ", " + maxProposals + ", " + horizonMs);
        }
    }
}

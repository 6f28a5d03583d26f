package okno.server.sim;

import okno.config.NetworkConfig;
import okno.config.StaffDef;

import java.time.LocalDate;
import java.util.List;

/**
 * What to simulate.
 *
 * @param network        the network
 * @param seed           seed of every random draw: the same settings give the same report
 * @param days           days to run, starting at {@code startDate}
 * @param startDate      first local day
 * @param policies       policies to compare
 * @param visitorsPerDay network visitors on a weekday of factor 1 (Tuesday)
 * @param staffingBeta   square-root staffing margin: each hour a centre staffs {@code a + beta x sqrt(a)} windows
 *                       for the load {@code a} of each service group (see {@link StaffingPlan})
 * @param shifts         shifts and breaks of the staff
 * @param surprise       log-deviation of the realised demand from the schedule (see {@link DemandSurprise}); 0:
 *                       visitors come exactly at the scheduled rates (Poisson noise only)
 * @param standby        standby pool of okno+balancer: the first {@code standby} members of the network's pool
 *                       (capped at its size), paid for whole shifts; {@code fifo} and {@code okno} have none
 * @param redirect       share of the visitors offered a nearby centre by okno's kiosk who take it (see
 *                       {@link Redirects}); fifo's kiosk offers none
 */
public record SimSettings(NetworkConfig network, long seed, int days, LocalDate startDate,
    List<SimPolicy> policies, int visitorsPerDay, double staffingBeta, ShiftRules shifts, double surprise,
    int standby, double redirect)
{
    public SimSettings
    {
        if (days < 1 || visitorsPerDay < 0 || policies.isEmpty() || surprise < 0 || standby < 0 || redirect < 0
            || redirect > 1)
        {
            throw new IllegalArgumentException("a simulation needs at least one day, one policy, visitors >= 0, "
                + "surprise >= 0, standby >= 0 and a redirect share from 0 to 1");
        }
        policies = List.copyOf(policies);
    }

    /** Settings whose visitors never take the kiosk's offer of a nearby centre. */
    public SimSettings(final NetworkConfig network, final long seed, final int days, final LocalDate startDate,
        final List<SimPolicy> policies, final int visitorsPerDay, final double staffingBeta, final ShiftRules shifts,
        final double surprise, final int standby)
    {
        this(network, seed, days, startDate, policies, visitorsPerDay, staffingBeta, shifts, surprise, standby, 0);
    }

    /** Settings without demand surprise and without a standby pool. */
    public SimSettings(final NetworkConfig network, final long seed, final int days, final LocalDate startDate,
        final List<SimPolicy> policies, final int visitorsPerDay, final double staffingBeta, final ShiftRules shifts)
    {
        this(network, seed, days, startDate, policies, visitorsPerDay, staffingBeta, shifts, 0, 0, 0);
    }

    /** @return size of the network's standby pool (staff marked standby in the config). */
    public static int poolSize(final NetworkConfig network)
    {
        return (int)network.staff().stream().filter(StaffDef::standby).count();
    }

    /** @return the reference day volume scaled to the network's windows (70,000 for 6,100 windows). */
    public static int defaultVisitors(final NetworkConfig network)
    {
        return (int)Math.round(70_000.0 * network.windowCount() / 6_100.0);
    }
}

package okno.server.sim;

import okno.config.NetworkConfig;

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
 */
public record SimSettings(NetworkConfig network, long seed, int days, LocalDate startDate,
    List<SimPolicy> policies, int visitorsPerDay, double staffingBeta, ShiftRules shifts)
{
    public SimSettings
    {
        if (days < 1 || visitorsPerDay < 0 || policies.isEmpty())
        {
            throw new IllegalArgumentException("a simulation needs at least one day, one policy and visitors >= 0");
        }
        policies = List.copyOf(policies);
    }

    /** @return the reference day volume scaled to the network's windows (70,000 for 6,100 windows). */
    public static int defaultVisitors(final NetworkConfig network)
    {
        return (int)Math.round(70_000.0 * network.windowCount() / 6_100.0);
    }
}

package okno.server.sim;

import java.time.LocalDate;

/**
 * The pooled M/M/c figures for the simulated load: per centre and hour the offered load {@code a} (expected
 * arrivals x mean service time of the centre's mix); the fewest windows meeting the goals if every window
 * served every service ({@link #staffHoursPerDay}); and, for the square-root staffing the simulation used, the
 * Erlang-C mean wait and share over 15 minutes with the windows of its {@link StaffingPlan}, arrival-weighted.
 *
 * @param staffHoursPerDay   window hours per day a perfectly pooled network needs for the goals
 * @param plannedHoursPerDay window hours per day of the simulation's staffing plan (without moves)
 * @param meanWaitMinutes    Erlang-C mean wait with the plan's windows
 * @param overPromiseShare   Erlang-C share of waits over 15 minutes with the plan's windows
 */
public record ErlangBound(double staffHoursPerDay, double plannedHoursPerDay, double meanWaitMinutes,
    double overPromiseShare)
{
    static ErlangBound of(final Workload w, final LocalDate start, final int days, final double beta,
        final boolean reach)
    {
        double needed = 0;
        double planned = 0;
        double arrivals = 0;
        double waitSum = 0;
        double overSum = 0;
        final int promise = w.network.rules().promiseMinutes();
        for (int d = 0; d < days; d++)
        {
            final java.time.DayOfWeek day = start.plusDays(d).getDayOfWeek();
            final StaffingPlan plan = StaffingPlan.of(w, day, beta, reach);
            for (int c = 0; c < w.network.centres().size(); c++)
            {
                final double service = w.meanServiceMinutes(c);
                for (int h = 0; h < 24; h++)
                {
                    final double perHour = w.arrivalsInHour(c, day, h);
                    if (perHour <= 0)
                    {
                        continue;
                    }
                    final double a = perHour / 60 * service;
                    needed += ErlangC.serversFor(a, Simulation.TARGET_MEAN_MINUTES / service, promise / service,
                        Simulation.TARGET_TAIL_SHARE);
                    final int windows = plan.size(c, h);
                    planned += windows;
                    arrivals += perHour;
                    waitSum += perHour * ErlangC.meanWait(windows, a) * service;
                    overSum += perHour * ErlangC.waitExceeds(windows, a, promise / service);
                }
            }
        }
        return new ErlangBound(needed / days, planned / days, waitSum / arrivals, overSum / arrivals);
    }
}

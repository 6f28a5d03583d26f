package okno.server.sim;

import java.time.LocalDate;

/**
 * The pooled M/M/c figures for the simulated load. The bound: each centre on its own (visitors do not cross the
 * city) and each clock hour on its own, as one M/M/c queue of every service (every window serves everything),
 * offered the <em>realised</em> load {@code a} = scheduled arrivals x the day's {@link DemandSurprise} x the
 * centre's mean service minutes, and known in advance: the fewest windows meeting the goals (mean wait at most
 * 3 minutes, at most 1 in 2,000 over 15) in each centre-hour, summed ({@link #staffHoursPerDay}, window-hours:
 * no breaks, no travel, no skills). No policy can need fewer open window-hours for the goals, up to the M/M/c
 * assumptions (exponential times; the simulation's are log-normal with CV 0.5, which wait less). Beside it, for
 * the staffing plan of {@code beta} (built from the schedule), the Erlang-C mean wait and share over 15 minutes
 * the plan's windows would give under the realised load, arrival-weighted.
 *
 * @param staffHoursPerDay   window hours per day a perfectly pooled network needs for the goals
 * @param plannedHoursPerDay window hours per day of the simulation's staffing plan (without moves)
 * @param meanWaitMinutes    Erlang-C mean wait with the plan's windows
 * @param overPromiseShare   Erlang-C share of waits over 15 minutes with the plan's windows
 */
public record ErlangBound(double staffHoursPerDay, double plannedHoursPerDay, double meanWaitMinutes,
    double overPromiseShare)
{
    static ErlangBound of(final Workload w, final SimSettings settings, final double beta, final boolean reach)
    {
        final LocalDate start = settings.startDate();
        final int days = settings.days();
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
            final DemandSurprise surprise = DemandSurprise.draw(w.network.centres().size(), settings.surprise(),
                settings.seed(), start.plusDays(d));
            for (int c = 0; c < w.network.centres().size(); c++)
            {
                final double service = w.meanServiceMinutes(c);
                for (int h = 0; h < 24; h++)
                {
                    final double perHour = w.arrivalsInHour(c, day, h) * surprise.factor(c, h);
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

package okno.server.sim;

import okno.config.CentreDef;
import okno.config.StaffDef;
import okno.config.WindowDef;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which windows each centre opens in each clock hour of a weekday, from the expected load per service.
 *
 * <p><b>Groups.</b> Services are grouped by agency (windows are skilled by agency: a window serving one service
 * of an agency usually serves them all). For an hour with {@code lambda} expected arrivals the group's offered
 * load is {@code a_g = lambda / 60 x sum of the group's expected service minutes per visitor}, and its target
 * capacity {@code R_g = a_g + beta x sqrt(a_g)} windows (square-root staffing per group: small groups, which
 * pool less, get relatively more margin).
 *
 * <p><b>Seats, not desks.</b> Skills follow the person, so a window serves its desk's services plus those of the
 * member sitting there. The manager seats a member trained for all of the desk's services (the rule of
 * {@link Hall#covers}, which the roster applies), so the plan counts a window as serving what every such member of
 * the centre shares besides the desk's: with cross-trained staff a desk covers more agencies than its sign.
 *
 * <p><b>Greedy cover.</b> Windows are chosen one at a time: the window whose groups still lack the most capacity
 * (at most one window's worth) wins, ties going to a window that was open in the previous hour (fewer
 * openings and closings) and then to the lower index. An opened window's one unit of capacity is water-filled
 * into its groups' residuals, largest first, until every group is covered.
 *
 * <p><b>Reach.</b> Capacity alone leaves a small group with one or two windows that also serve busier groups, and
 * its visitors wait whenever those are all busy with long visits: the 1-in-2,000 tail lives there. So each
 * group then needs at least as many distinct open windows as an isolated Erlang-C queue of its own load needs
 * for the network goals ({@link ErlangC#serversFor}); windows reaching the most short groups are added first.
 * Last, every service with demand gets at least one window. The rest of the centre's windows follow in order
 * of the load they could serve: they are the relief windows opened while planned ones are on break.
 *
 * <p>Built once per simulated day; pure function of the workload, the weekday and {@code beta}.
 */
final class StaffingPlan
{
    private static final double EPS = 1e-9;

    /** Windows of each centre and hour in opening order (all of the centre's windows). */
    private final int[][][] order;
    /** How many of {@link #order} the plan opens. */
    private final int[][] size;

    private StaffingPlan(final int centres)
    {
        order = new int[centres][24][];
        size = new int[centres][24];
    }

    /** @return the plan of a weekday, with or without the reach step (without: square-root staffing alone). */
    static StaffingPlan of(final Workload workload, final DayOfWeek day, final double beta, final boolean reach)
    {
        final int services = workload.network.services().size();
        final Map<String, Integer> agencies = new LinkedHashMap<>();
        final int[] groupOf = new int[services];
        for (int s = 0; s < services; s++)
        {
            groupOf[s] = agencies.computeIfAbsent(workload.network.services().get(s).agency(), k -> agencies.size());
        }
        final int centres = workload.network.centres().size();
        final StaffingPlan plan = new StaffingPlan(centres);
        for (int c = 0; c < centres; c++)
        {
            new CentrePlanner(workload, c, groupOf, agencies.size()).plan(day, beta, reach, plan.order[c],
                plan.size[c]);
        }
        return plan;
    }

    /** @return windows the plan opens at a centre in an hour (0 when it expects nobody). */
    int size(final int centre, final int hour)
    {
        return size[centre][hour];
    }

    /** @return the {@code k}-th window (centre-local index) in the opening order of a centre and hour. */
    int window(final int centre, final int hour, final int k)
    {
        return order[centre][hour][k];
    }

    /** @return window-hours of the whole plan. */
    int windowHours()
    {
        int sum = 0;
        for (final int[] hours : size)
        {
            for (final int n : hours)
            {
                sum += n;
            }
        }
        return sum;
    }

    /** @return per regular member of the centre, the services they are trained for */
    private static List<boolean[]> centreMembers(final Workload workload, final int centre, final int services)
    {
        final List<boolean[]> members = new ArrayList<>();
        for (final StaffDef member : workload.network.staff())
        {
            if (!member.standby() && workload.index.centre(member.homeCentre()) == centre)
            {
                final boolean[] trained = new boolean[services];
                member.skills().forEach(id -> trained[workload.index.service(id)] = true);
                members.add(trained);
            }
        }
        return members;
    }

    /**
     * Adds to a desk's services those every member who can sit there brings (skills follow the person): the
     * manager seats a member trained for all of the desk's services, so the window serves at least what all such
     * members share. Nothing is added when no member can sit there.
     */
    private static void seatServices(final boolean[] desk, final List<boolean[]> members)
    {
        boolean[] shared = null;
        for (final boolean[] trained : members)
        {
            boolean covers = true;
            for (int s = 0; s < desk.length && covers; s++)
            {
                covers = !desk[s] || trained[s];
            }
            if (covers)
            {
                if (shared == null)
                {
                    shared = trained.clone();
                }
                for (int s = 0; s < desk.length; s++)
                {
                    shared[s] &= trained[s];
                }
            }
        }
        for (int s = 0; shared != null && s < desk.length; s++)
        {
            desk[s] |= shared[s];
        }
    }

    /** The greedy of one centre, hour by hour. */
    private static final class CentrePlanner
    {
        private final Workload workload;
        private final int centre;
        private final int windows;
        private final int groups;
        /** Groups each window serves. */
        private final int[][] windowGroups;
        /** Per window and service: whether it serves it. */
        private final boolean[][] serves;
        /** Expected minutes of each group per visitor, and of each service; expected visits of each group. */
        private final double[] groupMinutes;
        private final double[] groupVisits;
        private final int[] reach;
        private final double[] serviceMinutes;
        private final double[] residual;
        private final boolean[] chosen;
        private final boolean[] previous;

        CentrePlanner(final Workload workload, final int centre, final int[] groupOf, final int groups)
        {
            this.workload = workload;
            this.centre = centre;
            this.groups = groups;
            final CentreDef def = workload.network.centres().get(centre);
            windows = def.windows().size();
            final int services = groupOf.length;
            windowGroups = new int[windows][];
            serves = new boolean[windows][services];
            final List<boolean[]> members = centreMembers(workload, centre, services);
            for (int w = 0; w < windows; w++)
            {
                final WindowDef window = def.windows().get(w);
                for (final String id : window.skills().keySet())
                {
                    serves[w][workload.index.service(id)] = true;
                }
                seatServices(serves[w], members);
                final boolean[] has = new boolean[groups];
                for (int s = 0; s < services; s++)
                {
                    has[groupOf[s]] |= serves[w][s];
                }
                windowGroups[w] = java.util.stream.IntStream.range(0, groups).filter(g -> has[g]).toArray();
            }
            serviceMinutes = new double[services];
            groupMinutes = new double[groups];
            groupVisits = new double[groups];
            reach = new int[groups];
            for (int s = 0; s < services; s++)
            {
                serviceMinutes[s] = workload.serviceMinutes(centre, s);
                groupMinutes[groupOf[s]] += serviceMinutes[s];
                groupVisits[groupOf[s]] += serviceMinutes[s] / workload.network.services().get(s).expectedMinutes();
            }
            residual = new double[groups];
            chosen = new boolean[windows];
            previous = new boolean[windows];
        }

        void plan(final DayOfWeek day, final double beta, final boolean withReach, final int[][] order,
            final int[] size)
        {
            for (int h = 0; h < 24; h++)
            {
                final double perMinute = workload.arrivalsInHour(centre, day, h) / 60;
                Arrays.fill(chosen, false);
                final int[] hourOrder = new int[windows];
                int n = 0;
                if (perMinute > 0)
                {
                    for (int g = 0; g < groups; g++)
                    {
                        final double a = perMinute * groupMinutes[g];
                        residual[g] = a > 0 ? Math.max(0, a + beta * Math.sqrt(a)) : 0;
                    }
                    for (int w = best(); w >= 0; w = best())
                    {
                        hourOrder[n++] = w;
                        chosen[w] = true;
                        fill(windowGroups[w]);
                    }
                    n = withReach ? reach(perMinute, hourOrder, n) : n;
                    n = cover(hourOrder, n);
                }
                size[h] = n;
                System.arraycopy(chosen, 0, previous, 0, windows);
                appendRelief(hourOrder, n);
                order[h] = hourOrder;
            }
        }

        /** @return the unchosen window covering the most residual (at most 1), or -1 when none covers any. */
        private int best()
        {
            int best = -1;
            double bestGain = EPS;
            for (int w = 0; w < windows; w++)
            {
                if (chosen[w])
                {
                    continue;
                }
                double gain = 0;
                for (final int g : windowGroups[w])
                {
                    gain += residual[g];
                }
                gain = Math.min(1.0, gain);
                if (gain > bestGain + EPS || (gain > bestGain - EPS && best >= 0 && previous[w] && !previous[best]))
                {
                    best = w;
                    bestGain = gain;
                }
            }
            return best;
        }

        /** Water-fills one window of capacity into the residuals of its groups, largest first. */
        private void fill(final int[] windowGroups)
        {
            double total = 0;
            double top = 0;
            for (final int g : windowGroups)
            {
                total += residual[g];
                top = Math.max(top, residual[g]);
            }
            if (total <= 1.0)
            {
                for (final int g : windowGroups)
                {
                    residual[g] = 0;
                }
                return;
            }
            // the level L with sum(max(0, r - L)) = 1, by bisection
            double low = 0;
            double high = top;
            for (int i = 0; i < 50; i++)
            {
                final double level = (low + high) / 2;
                double given = 0;
                for (final int g : windowGroups)
                {
                    given += Math.max(0, residual[g] - level);
                }
                if (given > 1.0)
                {
                    low = level;
                }
                else
                {
                    high = level;
                }
            }
            for (final int g : windowGroups)
            {
                residual[g] = Math.min(residual[g], high);
            }
        }

        /** Adds windows until every group has the distinct windows its tail needs. @return the new count */
        private int reach(final double perMinute, final int[] hourOrder, final int n)
        {
            final int promise = workload.network.rules().promiseMinutes();
            for (int g = 0; g < groups; g++)
            {
                final double a = perMinute * groupMinutes[g];
                final double mean = groupVisits[g] > 0 ? groupMinutes[g] / groupVisits[g] : 1;
                reach[g] = a <= 0 ? 0 : ErlangC.serversFor(a, Simulation.TARGET_MEAN_MINUTES / mean, promise / mean,
                    Simulation.TARGET_TAIL_SHARE);
            }
            for (int w = 0; w < windows; w++)
            {
                if (chosen[w])
                {
                    for (final int g : windowGroups[w])
                    {
                        reach[g]--;
                    }
                }
            }
            int count = n;
            while (true)
            {
                int best = -1;
                int bestShort = 0;
                for (int w = 0; w < windows; w++)
                {
                    if (chosen[w])
                    {
                        continue;
                    }
                    int missing = 0;
                    for (final int g : windowGroups[w])
                    {
                        missing += reach[g] > 0 ? 1 : 0;
                    }
                    if (missing > bestShort || (missing == bestShort && missing > 0 && previous[w] && !previous[best]))
                    {
                        best = w;
                        bestShort = missing;
                    }
                }
                if (best < 0)
                {
                    return count;
                }
                chosen[best] = true;
                hourOrder[count++] = best;
                for (final int g : windowGroups[best])
                {
                    reach[g]--;
                }
            }
        }

        /** Adds a window for every service with demand that no chosen window serves. @return the new count */
        private int cover(final int[] hourOrder, final int n)
        {
            int count = n;
            for (int s = 0; s < serviceMinutes.length; s++)
            {
                if (serviceMinutes[s] <= 0 || servedByChosen(s))
                {
                    continue;
                }
                int pick = -1;
                for (int w = 0; w < windows && (pick < 0 || !previous[pick]); w++)
                {
                    if (!chosen[w] && serves[w][s] && (pick < 0 || previous[w]))
                    {
                        pick = w;
                    }
                }
                if (pick >= 0)
                {
                    chosen[pick] = true;
                    hourOrder[count++] = pick;
                }
            }
            return count;
        }

        private boolean servedByChosen(final int s)
        {
            for (int w = 0; w < windows; w++)
            {
                if (chosen[w] && serves[w][s])
                {
                    return true;
                }
            }
            return false;
        }

        /** Orders the unchosen windows after the plan by the load they could serve, most first. */
        private void appendRelief(final int[] hourOrder, final int n)
        {
            final double[] load = new double[windows];
            for (int w = 0; w < windows; w++)
            {
                for (final int g : windowGroups[w])
                {
                    load[w] += groupMinutes[g];
                }
            }
            int k = n;
            for (int w = 0; w < windows; w++)
            {
                if (!chosen[w])
                {
                    hourOrder[k++] = w;
                }
            }
            final Integer[] rest = new Integer[windows - n];
            for (int i = 0; i < rest.length; i++)
            {
                rest[i] = hourOrder[n + i];
            }
            Arrays.sort(rest, (x, y) -> Double.compare(load[y], load[x]));
            for (int i = 0; i < rest.length; i++)
            {
                hourOrder[n + i] = rest[i];
            }
        }
    }
}

package okno.server.sim;

import okno.config.ServiceDef;

/**
 * Where a helper sits down at a centre: a member the balancer sent there, or a standby pool member helping where
 * they stand. Skills follow the person, so a closed window would serve its desk's services plus the helper's: a
 * helper trained for a service can open any closed window for it. Among the windows that would serve the line in
 * question, the one serving the most waiting work (waiting tickets times their expected minutes) is taken, ties
 * to the lower index.
 */
final class HelperSeat
{
    private final Hall hall;
    private final Line line;
    /** Expected minutes of each service (the weight of its waiting tickets). */
    private final double[] minutes;

    HelperSeat(final Workload workload, final Hall hall, final Line line)
    {
        this.hall = hall;
        this.line = line;
        this.minutes = workload.network.services().stream().mapToDouble(ServiceDef::expectedMinutes).toArray();
    }

    /**
     * @return the closed window (centre index) that would, with the member, serve the centre's longest line it
     *     could help with (waiting minutes per open window serving the service), or -1 when nobody such waits
     */
    int forLongestLine(final int c, final int member)
    {
        int longestLine = -1;
        double bestLine = 0;
        for (int s = 0; s < hall.services; s++)
        {
            final int waiting = line.waiting(c, s);
            if (waiting == 0)
            {
                continue;
            }
            final double longest = waiting * minutes[s] / Math.max(1, hall.openServing(c, s));
            if (longest > bestLine && anyClosedServes(c, member, s))
            {
                longestLine = s;
                bestLine = longest;
            }
        }
        // the window is chosen once, for that line: its waiting work does not depend on which line asked
        return longestLine < 0 ? -1 : forService(c, member, longestLine);
    }

    private boolean anyClosedServes(final int c, final int member, final int service)
    {
        for (int w = 0; w < hall.windowCount[c]; w++)
        {
            if (opensFor(hall.windowBase[c] + w, member, service))
            {
                return true;
            }
        }
        return false;
    }

    /** @return whether window {@code i} is closed and would serve the service with the member seated there. */
    private boolean opensFor(final int i, final int member, final int service)
    {
        return hall.mode[i] == Hall.CLOSED && hall.servesWith(i, member, service);
    }

    /** @return the closed window (centre index) that would serve the service with the member, or -1. */
    int forService(final int c, final int member, final int service)
    {
        int best = -1;
        double bestWork = -1;
        for (int w = 0; w < hall.windowCount[c]; w++)
        {
            final int i = hall.windowBase[c] + w;
            if (!opensFor(i, member, service))
            {
                continue;
            }
            final double work = waitingWork(c, i, member);
            if (work > bestWork)
            {
                best = w;
                bestWork = work;
            }
        }
        return best;
    }

    /** @return waiting minutes at the centre that window {@code i} would serve with the member. */
    private double waitingWork(final int c, final int i, final int member)
    {
        double work = 0;
        for (int s = 0; s < hall.services; s++)
        {
            if (hall.servesWith(i, member, s))
            {
                work += line.waiting(c, s) * minutes[s];
            }
        }
        return work;
    }
}

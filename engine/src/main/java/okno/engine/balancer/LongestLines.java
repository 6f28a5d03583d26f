package okno.engine.balancer;

/**
 * Each centre's longest service line at one evaluation of the {@link Balancer}. A window serves a few agencies,
 * not the whole centre's work, so one service's line can be far over the promise while the centre's mean looks
 * fine. Per service with tickets waiting: its waiting work over the open windows having it (one when none); the
 * longest is the largest of them, and its last ticket waits for the work ahead of it, the line's work less one
 * ticket's. A helper counts as one more window for that line: they open a closed window whose desk has the
 * service, or any closed window when they are trained for it (the simulator, like a centre manager, does so on
 * arrival). Fixed arrays; engine thread only.
 */
final class LongestLines
{
    private final long[] work;
    private final int[] waiting;
    private final int[] open;
    private final int[] closed;
    private final int[] service;

    LongestLines(final int centreCount)
    {
        work = new long[centreCount];
        waiting = new int[centreCount];
        open = new int[centreCount];
        closed = new int[centreCount];
        service = new int[centreCount];
    }

    /** Finds centre {@code c}'s longest line; none when it is closed or nobody waits. */
    void measure(final int c, final boolean openNow, final int waitingThere, final LoadProbe probe)
    {
        work[c] = 0;
        waiting[c] = 0;
        open[c] = 1;
        closed[c] = 0;
        service[c] = -1;
        if (waitingThere == 0 || !openNow)
        {
            return;
        }
        int longest = -1;
        for (int s = 0; s < probe.serviceCount(); s++)
        {
            final int tickets = probe.waitingFor(c, s);
            if (tickets == 0)
            {
                continue;
            }
            final long lineWork = tickets * probe.serviceMs(c, s);
            final int having = Math.max(1, probe.openHaving(c, s));
            if (lineWork * open[c] > work[c] * having)
            {
                longest = s;
                work[c] = lineWork;
                waiting[c] = tickets;
                open[c] = having;
            }
        }
        if (longest >= 0)
        {
            closed[c] = probe.closedHaving(c, longest);
            service[c] = longest;
        }
    }

    /** A helper on the way to (or chosen for) centre {@code c} opens a window of its longest line. */
    void helperComing(final int c)
    {
        open[c]++;
        closed[c]--;
    }

    /** @return whether the last ticket of centre {@code c}'s longest line waits longer than {@code highWaitMs} */
    boolean pressed(final int c, final long highWaitMs)
    {
        return waiting[c] > 1 && (work[c] - work[c] / waiting[c]) / Math.max(1, open[c]) > highWaitMs;
    }

    /** @return whether a closed window of centre {@code c} has the service of its longest line on its desk */
    boolean canOpenOne(final int c)
    {
        return closed[c] > 0;
    }

    /** @return the service of centre {@code c}'s longest line, -1 when nobody waits */
    int service(final int c)
    {
        return service[c];
    }

    /** @return how long the longest line takes to drain over its windows, ms */
    double drainMs(final int c)
    {
        return work[c] / (double)open[c];
    }

    /** @return mean estimated service time of the longest line's tickets, ms */
    double meanServiceMs(final int c)
    {
        return work[c] / (double)waiting[c];
    }
}

package okno.server.sim;

/**
 * Per centre and service: since when its tickets have waited with no free open window serving them. A service
 * stuck for {@link #SUSTAIN_MS} calls for local help (the back office, then a standby pool member present): a
 * skill group short of windows, which the centre-wide pressure the balancer reads does not show.
 */
final class StuckLines
{
    /** A service whose tickets wait this long with no free window serving them calls for local help. */
    static final long SUSTAIN_MS = 3 * 60_000L;

    private final Hall hall;
    private final Line line;
    private final long[] sinceMs;

    StuckLines(final Hall hall, final Line line)
    {
        this.hall = hall;
        this.line = line;
        this.sinceMs = new long[hall.centres * hall.services];
    }

    /**
     * Brings the service's watch up to now.
     *
     * @return whether its tickets have waited {@link #SUSTAIN_MS} with no free window serving them
     */
    boolean stuck(final int c, final int s, final long nowMs)
    {
        final int k = c * hall.services + s;
        if (line.waiting(c, s) == 0 || hall.freeServes(c, s))
        {
            sinceMs[k] = 0;
            return false;
        }
        if (sinceMs[k] == 0)
        {
            sinceMs[k] = nowMs;
            return false;
        }
        return nowMs - sinceMs[k] >= SUSTAIN_MS;
    }

    /** A window opened for the service: its watch starts again. */
    void helped(final int c, final int s)
    {
        sinceMs[c * hall.services + s] = 0;
    }
}

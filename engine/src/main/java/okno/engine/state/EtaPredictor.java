package okno.engine.state;


import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Predicts waits from measured service times and the skills of the open windows.
 *
 * <p><b>Service times.</b> Per centre and service an exponentially weighted moving average of service time
 * (weight 1/8 for each new sample, integer milliseconds so it is exact on replay), seeded by the service's
 * expected minutes. The average is robust: a sample is first clipped to a quarter to four times the current
 * average, so one forgotten "complete" (a two-hour service) moves it by at most 3/8.
 *
 * <p><b>Wait (skill-aware).</b> A ticket is served by the open windows that serve its service, and those windows
 * also serve the other lines of their skills. Each waiting ticket's work (its service's average) is shared
 * evenly among the open windows that can serve it; the ticket's windows have before it the shares of the other
 * lines that fall on them plus its own line's {@code ahead} tickets, and, when none of them is free, the rest of
 * the visit in progress (half a visit on average). The predicted wait is that work over the number of its
 * windows: {@code (sum over its windows w of sum over w's other services s' of waiting(s') x average(s') /
 * openServing(s') + ahead x average + busy x average / 2) / windows}, at most the escalation time plus one visit
 * spread over its windows (after the escalation time any of them calls the ticket first). 0 when nothing is
 * before it and one of its windows is free; {@link #UNKNOWN} when no window serving it is open: nobody can say
 * when one opens, and "0 min" would promise what nobody keeps.
 *
 * <p><b>Cost.</b> The waiting work of every service and its sum over every window's skills are kept up to date
 * by each centre's {@link ServiceLoad} (in exact fixed point), so a prediction reads one sum per window having
 * the service instead of visiting every skill of those windows.
 *
 * <p>Estimates persist across days; they are part of the state hash and the snapshot. Engine thread only;
 * nothing is allocated.
 */
public final class EtaPredictor
{
    /** The wait of a ticket no open window serves. */
    public static final int UNKNOWN = -1;

    private static final int SMOOTHING_SHIFT = 3;

    private final CentreState[] centres;
    private final int serviceCount;

    /**
     * @param centres             the centres, with their windows
     * @param expectedMsByService expected service time of each service, milliseconds
     */
    EtaPredictor(final CentreState[] centres, final long[] expectedMsByService)
    {
        this.centres = centres;
        this.serviceCount = expectedMsByService.length;
        for (final CentreState centre : centres)
        {
            for (int s = 0; s < serviceCount; s++)
            {
                centre.load.setAverageMs(s, expectedMsByService[s]);
            }
        }
    }

    /** @return current estimate of one service time at a centre, milliseconds. */
    public long serviceMs(final int centre, final int service)
    {
        return centres[centre].load.averageMs(service);
    }

    /** Folds in one measured service time. */
    public void record(final int centre, final int service, final long sampleMs)
    {
        final ServiceLoad load = centres[centre].load;
        final long average = load.averageMs(service);
        final long clipped = Math.max(average >> 2, Math.min(average << 2, sampleMs));
        load.setAverageMs(service, average + ((clipped - average) >> SMOOTHING_SHIFT));
    }

    /**
     * @param centre       the centre
     * @param service      the ticket's current service
     * @param ahead        tickets before it in the service's line
     * @param escalationMs wait after which any window serving the ticket calls it first
     * @return predicted wait in seconds (see the class comment), saturated at Integer.MAX_VALUE; {@link #UNKNOWN}
     *         when no open window serves the service
     */
    public int waitSeconds(final CentreState centre, final int service, final int ahead, final long escalationMs)
    {
        final ServiceLoad load = centre.load;
        final long average = load.averageMs(service);
        // each open window having the service carries the shares of its skills; the service's own is left out
        final long own = load.share(service);
        final WindowFlags flags = centre.flags;
        double others = 0;
        int serving = 0;
        boolean free = false;
        for (int word = 0; word < load.windowWords(); word++)
        {
            final long having = load.windowsOf(service, word);
            long open = having & flags.open(word);
            free |= (having & flags.free(word)) != 0;
            serving += Long.bitCount(open);
            while (open != 0)
            {
                others += load.windowWork((word << 6) + Long.numberOfTrailingZeros(open)) - own;
                open &= open - 1;
            }
        }
        if (serving == 0)
        {
            return UNKNOWN;
        }
        final double work = ahead * (double)average + others / ServiceLoad.SCALE;
        final double waitMs;
        if (free)
        {
            waitMs = work / serving;
        }
        else
        {
            waitMs = Math.min((work + average / 2.0) / serving, escalationMs + average / (double)serving);
        }
        return (int)Math.min(Integer.MAX_VALUE, (long)waitMs / 1000);
    }

    void hashInto(final StateHasher hasher)
    {
        for (final CentreState centre : centres)
        {
            for (int s = 0; s < serviceCount; s++)
            {
                hasher.add(centre.load.averageMs(s));
            }
        }
    }

    void write(final DataOutput out) throws IOException
    {
        out.writeInt(centres.length * serviceCount);
        for (final CentreState centre : centres)
        {
            for (int s = 0; s < serviceCount; s++)
            {
                out.writeLong(centre.load.averageMs(s));
            }
        }
    }

    /** Reads the estimates; setting each one recomputes its service's share of the centre's waiting work. */
    void read(final DataInput in) throws IOException
    {
        final int n = in.readInt();
        if (n != centres.length * serviceCount)
        {
            throw new IOException("snapshot has " + n + " service estimates, the network has "
                + centres.length * serviceCount);
        }
        for (final CentreState centre : centres)
        {
            for (int s = 0; s < serviceCount; s++)
            {
                centre.load.setAverageMs(s, in.readLong());
            }
        }
    }
}

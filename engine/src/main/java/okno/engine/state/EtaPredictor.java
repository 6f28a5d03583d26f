package okno.engine.state;

import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;

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
 * before it and one of its windows is free; {@code ahead x average} when no window serving it is open.
 *
 * <p>Estimates persist across days; they are part of the state hash and the snapshot. Engine thread only;
 * nothing is allocated.
 */
public final class EtaPredictor
{
    private static final int SMOOTHING_SHIFT = 3;

    private final int serviceCount;
    private final long[] averageMs;
    /** Per centre and service: the centre's windows that serve it (fixed by configuration). */
    private final int[][] servingWindows;

    /**
     * @param centres             the centres, with their windows
     * @param expectedMsByService expected service time of each service, milliseconds
     */
    EtaPredictor(final CentreState[] centres, final long[] expectedMsByService)
    {
        this.serviceCount = expectedMsByService.length;
        this.averageMs = new long[centres.length * serviceCount];
        this.servingWindows = new int[centres.length * serviceCount][];
        final int[] count = new int[serviceCount];
        for (int c = 0; c < centres.length; c++)
        {
            System.arraycopy(expectedMsByService, 0, averageMs, c * serviceCount, serviceCount);
            java.util.Arrays.fill(count, 0);
            for (final WindowState w : centres[c].windows)
            {
                for (int k = 0; k < w.skillCount(); k++)
                {
                    count[w.skillService(k)]++;
                }
            }
            for (int s = 0; s < serviceCount; s++)
            {
                servingWindows[c * serviceCount + s] = new int[count[s]];
                count[s] = 0;
            }
            for (final WindowState w : centres[c].windows)
            {
                for (int k = 0; k < w.skillCount(); k++)
                {
                    final int s = w.skillService(k);
                    servingWindows[c * serviceCount + s][count[s]++] = w.index;
                }
            }
        }
    }

    /** @return current estimate of one service time at a centre, milliseconds. */
    public long serviceMs(final int centre, final int service)
    {
        return averageMs[centre * serviceCount + service];
    }

    /** Folds in one measured service time. */
    public void record(final int centre, final int service, final long sampleMs)
    {
        final int i = centre * serviceCount + service;
        final long clipped = Math.max(averageMs[i] >> 2, Math.min(averageMs[i] << 2, sampleMs));
        averageMs[i] += (clipped - averageMs[i]) >> SMOOTHING_SHIFT;
    }

    /**
     * @param centre       the centre
     * @param service      the ticket's current service
     * @param ahead        tickets before it in the service's line
     * @param escalationMs wait after which any window serving the ticket calls it first
     * @return predicted wait in seconds (see the class comment), saturated at Integer.MAX_VALUE
     */
    public int waitSeconds(final CentreState centre, final int service, final int ahead, final long escalationMs)
    {
        final int base = centre.index * serviceCount;
        final long average = averageMs[base + service];
        double work = ahead * (double)average;
        // the other lines only matter when some other ticket waits
        final boolean othersWait = centre.stateCounts[TicketState.WAITING.code()] > centre.waitingFor(service);
        int serving = 0;
        boolean free = false;
        for (final int index : servingWindows[base + service])
        {
            final WindowState w = centre.windows[index];
            if (w.mode != WindowMode.OPEN)
            {
                continue;
            }
            serving++;
            free |= w.current == null;
            for (int k = 0; othersWait && k < w.skillCount(); k++)
            {
                final int other = w.skillService(k);
                final int waiting = other == service ? 0 : centre.waitingFor(other);
                if (waiting > 0)
                {
                    work += waiting * (double)averageMs[base + other] / Math.max(1, centre.openServing[other]);
                }
            }
        }
        final double waitMs;
        if (serving == 0)
        {
            waitMs = work;
        }
        else if (free)
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
        for (final long average : averageMs)
        {
            hasher.add(average);
        }
    }

    void write(final DataOutput out) throws IOException
    {
        out.writeInt(averageMs.length);
        for (final long average : averageMs)
        {
            out.writeLong(average);
        }
    }

    void read(final DataInput in) throws IOException
    {
        final int n = in.readInt();
        if (n != averageMs.length)
        {
            throw new IOException("snapshot has " + n + " service estimates, the network has " + averageMs.length);
        }
        for (int i = 0; i < n; i++)
        {
            averageMs[i] = in.readLong();
        }
    }
}

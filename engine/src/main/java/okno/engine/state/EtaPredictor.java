package okno.engine.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Predicts waits from measured service times. Per centre and service it keeps an exponentially weighted moving
 * average of service time (weight 1/8 for each new sample, integer milliseconds so it is exact on replay),
 * seeded by the service's expected minutes. The average is robust: a sample is first clipped to a quarter to four
 * times the current average, so one forgotten "complete" (a two-hour service) moves it by at most 3/8. The predicted wait of a ticket with {@code ahead} tickets before it
 * in its service's line is {@code ahead x average / max(1, open windows serving the service)}.
 * Estimates persist across days; they are part of the state hash and the snapshot.
 */
public final class EtaPredictor
{
    private static final int SMOOTHING_SHIFT = 3;

    private final int serviceCount;
    private final long[] averageMs;

    /**
     * @param centreCount         number of centres
     * @param expectedMsByService expected service time of each service, milliseconds
     */
    public EtaPredictor(final int centreCount, final long[] expectedMsByService)
    {
        this.serviceCount = expectedMsByService.length;
        this.averageMs = new long[centreCount * serviceCount];
        for (int c = 0; c < centreCount; c++)
        {
            System.arraycopy(expectedMsByService, 0, averageMs, c * serviceCount, serviceCount);
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

    /** @return predicted wait in seconds with {@code ahead} tickets before, saturated at Integer.MAX_VALUE. */
    public int waitSeconds(final int centre, final int service, final int ahead, final int openWindows)
    {
        final long waitMs = ahead * serviceMs(centre, service) / Math.max(1, openWindows);
        return (int)Math.min(Integer.MAX_VALUE, waitMs / 1000);
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

package okno.engine.kpi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Today's key figures of every centre, accumulated by the state machine as commands apply: visitors, waits
 * (histogram, sum, max, over the promise), service times, staffed window time (for utilisation), ratings and
 * staff moves. Flat arrays indexed by centre: nothing is allocated on the command path. Reset at each day start;
 * part of the snapshot and the state hash. Engine thread only.
 */
public final class KpiBook
{
    private final long promiseMs;
    private final WaitHistogram[] waits;
    private final long[] visitors;
    private final long[] waitSumMs;
    private final long[] maxWaitMs;
    private final long[] overPromise;
    private final long[] services;
    private final long[] serviceSumMs;
    private final long[] staffedMs;
    private final long[] staffedSinceMs;
    /** Ratings count per centre and score 1..5, at {@code centre * 5 + score - 1}. */
    private final long[] ratings;
    private final long[] movesIn;
    private final long[] movesOut;

    /**
     * @param centreCount number of centres
     * @param promiseMs   wait above which a visit counts as over the promise ("coffee")
     */
    public KpiBook(final int centreCount, final long promiseMs)
    {
        this.promiseMs = promiseMs;
        waits = new WaitHistogram[centreCount];
        for (int c = 0; c < centreCount; c++)
        {
            waits[c] = new WaitHistogram();
        }
        visitors = new long[centreCount];
        waitSumMs = new long[centreCount];
        maxWaitMs = new long[centreCount];
        overPromise = new long[centreCount];
        services = new long[centreCount];
        serviceSumMs = new long[centreCount];
        staffedMs = new long[centreCount];
        staffedSinceMs = new long[centreCount];
        ratings = new long[centreCount * 5];
        movesIn = new long[centreCount];
        movesOut = new long[centreCount];
    }

    /** A visitor took a ticket (walk-in or check-in). */
    public void visitor(final int centre)
    {
        visitors[centre]++;
    }

    /** A visit was called for the first time after waiting {@code waitMs}. */
    public void waited(final int centre, final long waitMs)
    {
        waits[centre].add(waitMs);
        waitSumMs[centre] += waitMs;
        maxWaitMs[centre] = Math.max(maxWaitMs[centre], waitMs);
        if (waitMs > promiseMs)
        {
            overPromise[centre]++;
        }
    }

    /** A service was completed after {@code serviceMs} at a window. */
    public void served(final int centre, final long serviceMs)
    {
        services[centre]++;
        serviceSumMs[centre] += serviceMs;
    }

    /** The number of open windows is about to change; {@code openBefore} were open since the last change. */
    public void openWindowsChanging(final int centre, final long nowMs, final int openBefore)
    {
        staffedMs[centre] += openBefore * (nowMs - staffedSinceMs[centre]);
        staffedSinceMs[centre] = nowMs;
    }

    /** A visit was rated. */
    public void rated(final int centre, final int score)
    {
        ratings[centre * 5 + score - 1]++;
    }

    /** A staff member left {@code from} for {@code to}. */
    public void moved(final int from, final int to)
    {
        movesOut[from]++;
        movesIn[to]++;
    }

    /** Forgets the figures of the old day; staffed time counts from {@code dayStartMs}. */
    public void startDay(final long dayStartMs)
    {
        for (final WaitHistogram h : waits)
        {
            h.clear();
        }
        Arrays.fill(visitors, 0);
        Arrays.fill(waitSumMs, 0);
        Arrays.fill(maxWaitMs, 0);
        Arrays.fill(overPromise, 0);
        Arrays.fill(services, 0);
        Arrays.fill(serviceSumMs, 0);
        Arrays.fill(staffedMs, 0);
        Arrays.fill(staffedSinceMs, dayStartMs);
        Arrays.fill(ratings, 0);
        Arrays.fill(movesIn, 0);
        Arrays.fill(movesOut, 0);
    }

    /**
     * @param nowMs      engine time
     * @param openWindows windows open now (staffed time runs on until now)
     * @return a copy of a centre's figures
     */
    public CentreKpi centre(final int centre, final long nowMs, final int openWindows)
    {
        final long[] byScore = Arrays.copyOfRange(ratings, centre * 5, centre * 5 + 5);
        final long staffed = staffedMs[centre] + openWindows * Math.max(0, nowMs - staffedSinceMs[centre]);
        return new CentreKpi(centre, visitors[centre], waits[centre].copy(), waitSumMs[centre], maxWaitMs[centre],
            overPromise[centre], services[centre], serviceSumMs[centre], staffed, byScore, movesIn[centre],
            movesOut[centre]);
    }

    /** Feeds every value to a hash, in a fixed order. */
    public void hashInto(final LongConsumer hash)
    {
        hash.accept(promiseMs);
        for (int c = 0; c < waits.length; c++)
        {
            for (int b = 0; b <= WaitHistogram.BUCKETS; b++)
            {
                final long n = waits[c].count(b);
                if (n != 0)
                {
                    hash.accept(b);
                    hash.accept(n);
                }
            }
            hash.accept(-1);
        }
        for (final long[] column : columns())
        {
            for (final long v : column)
            {
                hash.accept(v);
            }
        }
    }

    /** Writes the figures (histograms sparse: non-empty buckets only). */
    public void write(final DataOutput out) throws IOException
    {
        out.writeInt(waits.length);
        for (final WaitHistogram h : waits)
        {
            int nonEmpty = 0;
            for (int b = 0; b <= WaitHistogram.BUCKETS; b++)
            {
                nonEmpty += h.count(b) == 0 ? 0 : 1;
            }
            out.writeInt(nonEmpty);
            for (int b = 0; b <= WaitHistogram.BUCKETS; b++)
            {
                if (h.count(b) != 0)
                {
                    out.writeShort(b);
                    out.writeLong(h.count(b));
                }
            }
        }
        for (final long[] column : columns())
        {
            for (final long v : column)
            {
                out.writeLong(v);
            }
        }
    }

    /** Replaces the figures with ones written by {@link #write}. */
    public void read(final DataInput in) throws IOException
    {
        final int n = in.readInt();
        if (n != waits.length)
        {
            throw new IOException("snapshot has KPIs of " + n + " centres, the network has " + waits.length);
        }
        for (final WaitHistogram h : waits)
        {
            h.clear();
            final int nonEmpty = in.readInt();
            for (int i = 0; i < nonEmpty; i++)
            {
                final int bucket = in.readShort();
                if (bucket < 0 || bucket > WaitHistogram.BUCKETS)
                {
                    throw new IOException("snapshot has a wait bucket out of range: " + bucket);
                }
                h.set(bucket, in.readLong());
            }
        }
        for (final long[] column : columns())
        {
            for (int i = 0; i < column.length; i++)
            {
                column[i] = in.readLong();
            }
        }
    }

    private long[][] columns()
    {
        return new long[][]{visitors, waitSumMs, maxWaitMs, overPromise, services, serviceSumMs, staffedMs,
            staffedSinceMs, ratings, movesIn, movesOut};
    }
}

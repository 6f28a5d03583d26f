package okno.engine.kpi;

import java.util.List;

/**
 * Today's key figures of one centre (or, from {@link #merge}, of the whole network), as copied out of the
 * engine by a query. Waits run from issue to first call; utilisation is service time over staffed window time.
 *
 * @param centre        centre index, -1 for the network
 * @param visitors      tickets issued (walk-ins and check-ins)
 * @param waits         histogram of waits of the visits called so far
 * @param waitSumMs     sum of those waits
 * @param maxWaitMs     longest of those waits
 * @param overPromise   visits that waited longer than the promise ("coffee")
 * @param services      services completed
 * @param serviceSumMs  sum of their service times
 * @param staffedMs     window-milliseconds of open windows
 * @param ratingsByScore ratings given, index 0 for score 1 .. index 4 for score 5
 * @param movesIn       staff moves towards the centre
 * @param movesOut      staff moves away from the centre
 */
public record CentreKpi(int centre, long visitors, WaitHistogram waits, long waitSumMs, long maxWaitMs,
    long overPromise, long services, long serviceSumMs, long staffedMs, long[] ratingsByScore, long movesIn,
    long movesOut)
{
    /** @return visits called so far (those with a wait). */
    public long waited()
    {
        return waits.total();
    }

    /** @return mean wait in ms, 0 when nobody was called yet. */
    public double meanWaitMs()
    {
        return waited() == 0 ? 0 : waitSumMs / (double)waited();
    }

    /** @return the wait quantile in ms (10-second resolution, rounded up). */
    public long waitQuantileMs(final double quantile)
    {
        return Math.min(waits.quantileMs(quantile), Math.max(maxWaitMs, 0));
    }

    /** @return share of called visits that waited longer than the promise, 0..1. */
    public double overPromiseShare()
    {
        return waited() == 0 ? 0 : overPromise / (double)waited();
    }

    /** @return mean service time in ms. */
    public double meanServiceMs()
    {
        return services == 0 ? 0 : serviceSumMs / (double)services;
    }

    /** @return service time over staffed time, 0..1. */
    public double utilisation()
    {
        return staffedMs == 0 ? 0 : Math.min(1.0, serviceSumMs / (double)staffedMs);
    }

    /** @return number of ratings. */
    public long ratings()
    {
        long n = 0;
        for (final long r : ratingsByScore)
        {
            n += r;
        }
        return n;
    }

    /** @return mean rating, 0 when none. */
    public double meanRating()
    {
        long sum = 0;
        for (int i = 0; i < ratingsByScore.length; i++)
        {
            sum += (i + 1) * ratingsByScore[i];
        }
        final long n = ratings();
        return n == 0 ? 0 : sum / (double)n;
    }

    /** @return the figures of several centres added up (max of maxima), labelled centre -1. */
    public static CentreKpi merge(final List<CentreKpi> parts)
    {
        final WaitHistogram waits = new WaitHistogram();
        final long[] ratings = new long[5];
        long visitors = 0;
        long waitSum = 0;
        long maxWait = 0;
        long over = 0;
        long services = 0;
        long serviceSum = 0;
        long staffed = 0;
        long in = 0;
        long out = 0;
        for (final CentreKpi k : parts)
        {
            waits.addAll(k.waits);
            for (int i = 0; i < ratings.length; i++)
            {
                ratings[i] += k.ratingsByScore[i];
            }
            visitors += k.visitors;
            waitSum += k.waitSumMs;
            maxWait = Math.max(maxWait, k.maxWaitMs);
            over += k.overPromise;
            services += k.services;
            serviceSum += k.serviceSumMs;
            staffed += k.staffedMs;
            in += k.movesIn;
            out += k.movesOut;
        }
        return new CentreKpi(-1, visitors, waits, waitSum, maxWait, over, services, serviceSum, staffed, ratings,
            in, out);
    }
}

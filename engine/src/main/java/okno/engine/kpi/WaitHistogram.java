package okno.engine.kpi;

/**
 * Counts of waits in fixed 10-second buckets up to two hours, plus one overflow bucket; percentiles are read
 * as the upper edge of the bucket that holds them (so they are at most 10 s pessimistic). Used per centre
 * inside {@link KpiBook} (engine thread) and merged into network figures by queries.
 */
public final class WaitHistogram
{
    /** Width of one bucket. */
    public static final long BUCKET_MS = 10_000L;
    /** Buckets below the overflow one: 0 s to 2 h. */
    public static final int BUCKETS = 720;

    private final long[] counts = new long[BUCKETS + 1];
    private long total;

    /** @return the bucket a wait falls into, the last one for waits of two hours and more. */
    public static int bucketOf(final long waitMs)
    {
        return (int)Math.min(BUCKETS, Math.max(0, waitMs) / BUCKET_MS);
    }

    /** Counts one wait. */
    public void add(final long waitMs)
    {
        counts[bucketOf(waitMs)]++;
        total++;
    }

    /** Adds every count of another histogram. */
    public void addAll(final WaitHistogram other)
    {
        for (int i = 0; i <= BUCKETS; i++)
        {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** Sets one bucket (snapshot reads, copies). */
    void set(final int bucket, final long count)
    {
        total += count - counts[bucket];
        counts[bucket] = count;
    }

    /** @return count of one bucket. */
    public long count(final int bucket)
    {
        return counts[bucket];
    }

    /** @return number of waits counted. */
    public long total()
    {
        return total;
    }

    /** Forgets every count. */
    public void clear()
    {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    /**
     * @param quantile 0..1, e.g. 0.95
     * @return upper edge in ms of the bucket holding that quantile; 0 when empty; for the overflow bucket,
     *     {@link Long#MAX_VALUE}
     */
    public long quantileMs(final double quantile)
    {
        if (total == 0)
        {
            return 0;
        }
        final long rank = Math.max(1, (long)Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i == BUCKETS ? Long.MAX_VALUE : (i + 1) * BUCKET_MS;
            }
        }
        return Long.MAX_VALUE;
    }

    /** @return a copy (queries hand copies out of the engine thread). */
    public WaitHistogram copy()
    {
        final WaitHistogram copy = new WaitHistogram();
        copy.addAll(this);
        return copy;
    }
}

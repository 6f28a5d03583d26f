package okno.engine.state;

import java.util.Arrays;

/**
 * The waiting work of one centre, kept up to date as it changes so that an ETA costs a few array reads instead
 * of a walk over every skill of every window serving the ticket. Per service one record, so that a command about
 * a service finds all of it in one or two cache lines:
 * <pre>
 *   record of service s, at s * stride:
 *   [ averageMs | share | waiting | openServing | windows having s: bitset, windowWords longs ]
 *     averageMs    estimated service time of s (see {@link EtaPredictor})
 *     share        waiting x averageMs / max(1, openServing), in 1/{@value #SCALE} ms, rounded
 *     waiting      tickets waiting in the lines of s (all classes; window transfers not counted)
 *     openServing  open windows having s
 *     having       windows serving s now: configured for it, or staffed by someone trained for it
 *   windowWork[w]  sum of share over the skills of window w (every window, open or not)
 *   deskWindows[s] windows configured for s: the centre offers s when there is one
 * </pre>
 * A change of {@code waiting}, {@code averageMs} or {@code openServing} of a service moves its share and adds the
 * difference to the windows that have it. Shares are integers, so each window's sum is exact: it depends only on
 * the current values, never on the order of the changes (a state rebuilt from a snapshot predicts the same).
 * Part of {@link CentreState}; engine thread only; allocation free.
 */
final class ServiceLoad
{
    /** Fixed-point scale of shares: 1/1024 ms is far below the second an ETA is given in. */
    static final long SCALE = 1024;

    private static final int AVERAGE = 0;
    private static final int SHARE = 1;
    private static final int WAITING = 2;
    private static final int OPEN = 3;
    private static final int WINDOWS = 4;

    private final int serviceCount;
    /** Words of a bitset over the centre's windows. */
    private final int windowWords;
    private final int stride;
    private final long[] records;
    private final long[] windowWork;
    private final int[] deskWindows;
    private final WindowSkills skills;

    ServiceLoad(final WindowSkills skills, final int windowCount, final int serviceCount)
    {
        this.serviceCount = serviceCount;
        this.skills = skills;
        windowWords = WindowFlags.words(windowCount);
        stride = WINDOWS + windowWords;
        records = new long[serviceCount * stride];
        windowWork = new long[windowCount];
        deskWindows = new int[serviceCount];
        startDay();
        for (int s = 0; s < serviceCount; s++)
        {
            for (int word = 0; word < windowWords; word++)
            {
                deskWindows[s] += Long.bitCount(windowsOf(s, word));
            }
        }
    }

    /** @return tickets waiting for a service, all priority classes (not counting window transfers). */
    int waiting(final int service)
    {
        return (int)records[service * stride + WAITING];
    }

    /** @return open windows having a service. */
    int openServing(final int service)
    {
        return (int)records[service * stride + OPEN];
    }

    /** @return windows configured for a service, whoever sits at them. */
    int windowCount(final int service)
    {
        return deskWindows[service];
    }

    /** @return whether some window is configured for the service. */
    boolean offered(final int service)
    {
        return deskWindows[service] != 0;
    }

    /** @return estimated service time of a service, milliseconds. */
    long averageMs(final int service)
    {
        return records[service * stride + AVERAGE];
    }

    /** @return words of the bitsets over windows, as {@link WindowFlags#words}. */
    int windowWords()
    {
        return windowWords;
    }

    /** @return bits of the windows serving a service now among {@code 64 * word} to {@code 64 * word + 63}. */
    long windowsOf(final int service, final int word)
    {
        return records[service * stride + WINDOWS + word];
    }

    /** @return current share of a service's waiting work per open window having it, 1/{@link #SCALE} ms. */
    long share(final int service)
    {
        return records[service * stride + SHARE];
    }

    /** @return sum of the shares of a window's skills, 1/{@link #SCALE} ms. */
    long windowWork(final int window)
    {
        return windowWork[window];
    }

    /** A ticket joined ({@code +1}) or left ({@code -1}) a line of the service. */
    void waitingChanged(final int service, final int delta)
    {
        records[service * stride + WAITING] += delta;
        refresh(service);
    }

    /** Sets the estimated service time of a service. */
    void setAverageMs(final int service, final long average)
    {
        records[service * stride + AVERAGE] = average;
        refresh(service);
    }

    /** A window opened ({@code +1}) or stopped being open ({@code -1}): it counts for every service it serves. */
    void windowOpened(final int window, final int delta)
    {
        for (int word = 0; word < skills.words(); word++)
        {
            for (long bits = skills.bits(window, word); bits != 0; bits &= bits - 1)
            {
                final int s = (word << 6) + Long.numberOfTrailingZeros(bits);
                records[s * stride + OPEN] += delta;
                refresh(s);
            }
        }
    }

    /**
     * A staff member sat down at the window ({@code +1}, after {@link WindowSkills#seat}) or is leaving it
     * ({@code -1}, before {@link WindowSkills#unseat}): the window has the services of their training that its
     * desk lacks, with their shares of the waiting work, only while they sit there.
     */
    void staffSeated(final int window, final int delta)
    {
        for (int word = 0; word < skills.words(); word++)
        {
            for (long bits = skills.trainedBits(window, word); bits != 0; bits &= bits - 1)
            {
                final int s = (word << 6) + Long.numberOfTrailingZeros(bits);
                final int at = s * stride + WINDOWS + (window >>> 6);
                records[at] = delta > 0 ? records[at] | 1L << window : records[at] & ~(1L << window);
                windowWork[window] += delta * share(s);
            }
        }
    }

    /** Forgets the day: nothing waits, no window is open and every window has its desk's services. */
    void startDay()
    {
        for (int s = 0; s < serviceCount; s++)
        {
            records[s * stride + SHARE] = 0;
            records[s * stride + WAITING] = 0;
            records[s * stride + OPEN] = 0;
            Arrays.fill(records, s * stride + WINDOWS, (s + 1) * stride, 0);
        }
        for (int w = 0; w < windowWork.length; w++)
        {
            for (int word = 0; word < skills.words(); word++)
            {
                for (long bits = skills.deskBits(w, word); bits != 0; bits &= bits - 1)
                {
                    records[((word << 6) + Long.numberOfTrailingZeros(bits)) * stride + WINDOWS + (w >>> 6)] |= 1L << w;
                }
            }
        }
        Arrays.fill(windowWork, 0);
    }

    /** @return whether the windows having each service are those whose skills serve it now (invariant check). */
    boolean havingMatches()
    {
        for (int s = 0; s < serviceCount; s++)
        {
            for (int w = 0; w < windowWork.length; w++)
            {
                final boolean having = (windowsOf(s, w >>> 6) & 1L << w) != 0;
                if (having != (skills.weightOf(w, s) != 0))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return whether every share and window sum equals its recomputation (invariant check). */
    boolean sumsMatch()
    {
        final long[] work = new long[windowWork.length];
        for (int s = 0; s < serviceCount; s++)
        {
            if (share(s) != shareOf(s))
            {
                return false;
            }
            addToWindows(s, share(s), work);
        }
        return Arrays.equals(work, windowWork);
    }

    private void refresh(final int service)
    {
        final long now = shareOf(service);
        final long delta = now - share(service);
        if (delta != 0)
        {
            records[service * stride + SHARE] = now;
            addToWindows(service, delta, windowWork);
        }
    }

    private void addToWindows(final int service, final long amount, final long[] work)
    {
        for (int word = 0; word < windowWords; word++)
        {
            long bits = windowsOf(service, word);
            while (bits != 0)
            {
                work[(word << 6) + Long.numberOfTrailingZeros(bits)] += amount;
                bits &= bits - 1;
            }
        }
    }

    private long shareOf(final int service)
    {
        final int base = service * stride;
        final long open = Math.max(1, records[base + OPEN]);
        final long work = records[base + WAITING] * records[base + AVERAGE] * SCALE;
        return open == 1 ? work : (work + open / 2) / open;
    }
}

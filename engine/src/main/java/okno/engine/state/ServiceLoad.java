package okno.engine.state;

import java.util.Arrays;

/**
 * The waiting work of one centre, kept up to date as it changes so that an ETA costs a few array reads instead
 * of a walk over every skill of every window serving the ticket:
 * <pre>
 *   waiting[s]      tickets waiting in the lines of service s (all classes; window transfers not counted)
 *   averageMs[s]    estimated service time of s (see {@link EtaPredictor})
 *   openServing[s]  open windows having s
 *   share[s]        waiting[s] x averageMs[s] / max(1, openServing[s]), in 1/{@value #SCALE} ms, rounded
 *   windowWork[w]   sum of share[s] over the skills s of window w (every window, open or not)
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

    private final int[] waiting;
    private final long[] averageMs;
    private final int[] openServing;
    private final long[] share;
    private final long[] windowWork;
    /** Words of a bitset over the centre's windows. */
    private final int windowWords;
    /** Per service a bitset of the windows having it, at {@code service * windowWords + word} (configuration). */
    private final long[] windowsOf;

    ServiceLoad(final WindowState[] windows, final int serviceCount)
    {
        waiting = new int[serviceCount];
        averageMs = new long[serviceCount];
        openServing = new int[serviceCount];
        share = new long[serviceCount];
        windowWork = new long[windows.length];
        windowWords = WindowFlags.words(windows.length);
        windowsOf = new long[serviceCount * windowWords];
        for (final WindowState w : windows)
        {
            for (int k = 0; k < w.skillCount(); k++)
            {
                windowsOf[w.skillService(k) * windowWords + (w.index >>> 6)] |= 1L << w.index;
            }
        }
    }

    /** @return tickets waiting for a service, all priority classes (not counting window transfers). */
    int waiting(final int service)
    {
        return waiting[service];
    }

    /** @return open windows having a service. */
    int openServing(final int service)
    {
        return openServing[service];
    }

    /** @return estimated service time of a service, milliseconds. */
    long averageMs(final int service)
    {
        return averageMs[service];
    }

    /** @return words of the bitsets over windows, as {@link WindowFlags#words}. */
    int windowWords()
    {
        return windowWords;
    }

    /** @return bits of the windows having a service among {@code 64 * word} to {@code 64 * word + 63}. */
    long windowsOf(final int service, final int word)
    {
        return windowsOf[service * windowWords + word];
    }

    /** @return current share of a service's waiting work per open window having it, 1/{@link #SCALE} ms. */
    long share(final int service)
    {
        return share[service];
    }

    /** @return sum of the shares of a window's skills, 1/{@link #SCALE} ms. */
    long windowWork(final int window)
    {
        return windowWork[window];
    }

    /** A ticket joined ({@code +1}) or left ({@code -1}) a line of the service. */
    void waitingChanged(final int service, final int delta)
    {
        waiting[service] += delta;
        refresh(service);
    }

    /** Sets the estimated service time of a service. */
    void setAverageMs(final int service, final long average)
    {
        averageMs[service] = average;
        refresh(service);
    }

    /** A window opened ({@code +1}) or stopped being open ({@code -1}). */
    void windowOpened(final WindowState w, final int delta)
    {
        for (int k = 0; k < w.skillCount(); k++)
        {
            final int s = w.skillService(k);
            openServing[s] += delta;
            refresh(s);
        }
    }

    /** Forgets the day: nothing waits and no window is open (the estimates stay). */
    void startDay()
    {
        Arrays.fill(waiting, 0);
        Arrays.fill(openServing, 0);
        Arrays.fill(share, 0);
        Arrays.fill(windowWork, 0);
    }

    /** Recomputes every share and window sum from waiting, estimates and open windows (after a snapshot read). */
    void refreshAll()
    {
        Arrays.fill(windowWork, 0);
        for (int s = 0; s < share.length; s++)
        {
            share[s] = shareOf(s);
            addToWindows(s, share[s], windowWork);
        }
    }

    /** @return whether every share and window sum equals its recomputation (invariant check). */
    boolean sumsMatch()
    {
        final long[] work = new long[windowWork.length];
        for (int s = 0; s < share.length; s++)
        {
            if (share[s] != shareOf(s))
            {
                return false;
            }
            addToWindows(s, share[s], work);
        }
        return Arrays.equals(work, windowWork);
    }

    private void refresh(final int service)
    {
        final long now = shareOf(service);
        final long delta = now - share[service];
        if (delta != 0)
        {
            share[service] = now;
            addToWindows(service, delta, windowWork);
        }
    }

    private void addToWindows(final int service, final long amount, final long[] work)
    {
        for (int word = 0; word < windowWords; word++)
        {
            long bits = windowsOf[service * windowWords + word];
            while (bits != 0)
            {
                work[(word << 6) + Long.numberOfTrailingZeros(bits)] += amount;
                bits &= bits - 1;
            }
        }
    }

    private long shareOf(final int service)
    {
        final long open = Math.max(1, openServing[service]);
        return (waiting[service] * averageMs[service] * SCALE + open / 2) / open;
    }
}

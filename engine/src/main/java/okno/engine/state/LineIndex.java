package okno.engine.state;

/**
 * What call-next needs to know about a centre's service lines without visiting them, in two compact arrays
 * the {@link TicketLines} keep up to date on every change:
 * <pre>
 *   nonEmpty: per priority class (code - 1) a bitset over services, lineWords longs each
 *             [ class 1: w0 w1 .. | class 2: w0 w1 .. | class 3: w0 w1 .. ]   bit s set = line (s, class) waits
 *   times:    per priority class (code - 1) one int per service, the issue time of the line's head as ms since
 *             the day start   [ class 1: s0 s1 .. | class 2: s0 s1 .. | class 3: s0 s1 .. ]
 *   heads:    the same places, one long each: the order key of the line's head, read only when two times tie
 *   key:      (issuedMs - dayStartMs) &lt;&lt; 27 | packed number      one long compare = issue time, then number
 *             (made by {@link TicketTable#orderKey}; its high part is the time)
 * </pre>
 * Both are stale while the line is empty. A call ANDs the window's skill bitset with {@code nonEmpty} and compares
 * head times straight from {@code times}, and a tie by the keys: no line and no ticket is touched until the winner
 * is known. Head times of one class lie side by side, sixteen to a cache line, so the lines a window serves share
 * few cache lines (half as many as the keys would).
 */
final class LineIndex
{
    /** Bits of the packed number in a key; {@code 'Z' << 20 | serial} fits. */
    static final int NUMBER_BITS = 27;

    private final int serviceCount;
    private final int lineWords;
    private final long[] nonEmpty;
    private final int[] times;
    private final long[] heads;
    private long dayStartMs;

    LineIndex(final int serviceCount)
    {
        this.serviceCount = serviceCount;
        lineWords = words(serviceCount);
        nonEmpty = new long[CentreState.PRIORITY_CLASSES * lineWords];
        times = new int[serviceCount * CentreState.PRIORITY_CLASSES];
        heads = new long[serviceCount * CentreState.PRIORITY_CLASSES];
    }

    /** @return words of a bitset with one bit per service. */
    static int words(final int serviceCount)
    {
        return (serviceCount + 63) >>> 6;
    }

    int lineWords()
    {
        return lineWords;
    }

    long nonEmpty(final int priority, final int word)
    {
        return nonEmpty[(priority - 1) * lineWords + word];
    }

    /** @return order key of the head of a non-empty line (undefined for an empty one). */
    long headKey(final int line)
    {
        return heads[slot(line)];
    }

    /**
     * @return issue time, ms since the day start, of the head of the non-empty line of a service and priority
     *     class code (1..3): the high part of its {@link #headKey(int) key}
     */
    int headTime(final int service, final int priority)
    {
        return times[(priority - 1) * serviceCount + service];
    }

    /** @return issue time of a time given in ms since the day start, as {@link #headTime}. */
    long issuedMs(final int time)
    {
        return dayStartMs + time;
    }

    /** Starts a day: keys count from its start; every line is empty. */
    void startDay(final long startMs)
    {
        dayStartMs = startMs;
        java.util.Arrays.fill(nonEmpty, 0);
    }

    /** Records the order key of the line's head (the line is non-empty). */
    void head(final int line, final long headKey)
    {
        final int slot = slot(line);
        times[slot] = (int)(headKey >>> NUMBER_BITS);
        heads[slot] = headKey;
        final int service = line / CentreState.PRIORITY_CLASSES;
        nonEmpty[(line % CentreState.PRIORITY_CLASSES) * lineWords + (service >>> 6)] |= 1L << service;
    }

    /** Records that the line is empty. */
    void empty(final int line)
    {
        final int service = line / CentreState.PRIORITY_CLASSES;
        nonEmpty[(line % CentreState.PRIORITY_CLASSES) * lineWords + (service >>> 6)] &= ~(1L << service);
    }

    /** @return whether the recorded state of a line matches the queue (invariant check). */
    boolean matches(final int line, final boolean waiting, final long headKey)
    {
        final int service = line / CentreState.PRIORITY_CLASSES;
        final boolean bit = (nonEmpty[(line % CentreState.PRIORITY_CLASSES) * lineWords + (service >>> 6)]
            & (1L << service)) != 0;
        return bit == waiting
            && (!waiting || headKey(line) == headKey && times[slot(line)] == (int)(headKey >>> NUMBER_BITS));
    }

    private int slot(final int line)
    {
        return (line % CentreState.PRIORITY_CLASSES) * serviceCount + line / CentreState.PRIORITY_CLASSES;
    }
}

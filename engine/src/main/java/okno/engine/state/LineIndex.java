package okno.engine.state;

/**
 * What call-next needs to know about a centre's service lines without visiting them, in a few compact arrays
 * the {@link TicketQueue}s keep up to date on every change:
 * <pre>
 *   nonEmpty: per priority class (code - 1) a bitset over services, lineWords longs each
 *             [ class 1: w0 w1 .. | class 2: w0 w1 .. | class 3: w0 w1 .. ]   bit s set = line (s, class) waits
 *   heads:    per line id (service * 3 + class - 1) two longs, the head ticket's issue time and number
 *             [ issuedMs(0) number(0) | issuedMs(1) number(1) | ... ]          stale while the line is empty
 * </pre>
 * A call ANDs the window's skill bitset with {@code nonEmpty} and compares heads straight from {@code heads}: no
 * queue object and no ticket is touched until the winner is known.
 */
final class LineIndex
{
    private final int lineWords;
    private final long[] nonEmpty;
    private final long[] heads;

    LineIndex(final int serviceCount)
    {
        lineWords = words(serviceCount);
        nonEmpty = new long[CentreState.PRIORITY_CLASSES * lineWords];
        heads = new long[2 * serviceCount * CentreState.PRIORITY_CLASSES];
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

    long headIssuedMs(final int line)
    {
        return heads[2 * line];
    }

    int headNumber(final int line)
    {
        return (int)heads[2 * line + 1];
    }

    /** Records the line's head (the line is non-empty). */
    void head(final int line, final Ticket head)
    {
        heads[2 * line] = head.issuedMs;
        heads[2 * line + 1] = head.number;
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
    boolean matches(final int line, final TicketQueue queue)
    {
        final int service = line / CentreState.PRIORITY_CLASSES;
        final boolean bit = (nonEmpty[(line % CentreState.PRIORITY_CLASSES) * lineWords + (service >>> 6)]
            & (1L << service)) != 0;
        final Ticket head = queue.head;
        return bit == (queue.size > 0)
            && (head == null || headIssuedMs(line) == head.issuedMs && headNumber(line) == head.number);
    }
}

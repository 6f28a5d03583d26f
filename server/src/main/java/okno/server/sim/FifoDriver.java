package okno.server.sim;

import java.util.Arrays;

/**
 * The simulator-side order of {@link SimPolicy#FIFO}: per centre the waiting visitors sorted by issue time (then
 * visitor), so a free window calls the oldest ticket it can serve by number.
 */
final class FifoDriver
{
    /** Visitor index bits of a key; the issue time (from the day start) sits above them. */
    private static final int VISITOR_BITS = 20;
    private static final long VISITOR_MASK = (1L << VISITOR_BITS) - 1;

    private final Hall hall;
    private final Tickets tickets;
    private final long dayStartMs;
    private final long[][] fifo;
    private final int[] fifoSize;

    FifoDriver(final Hall hall, final Tickets tickets, final long dayStartMs)
    {
        this.hall = hall;
        this.tickets = tickets;
        this.dayStartMs = dayStartMs;
        fifo = new long[hall.centres][64];
        fifoSize = new int[hall.centres];
    }

    /** The visitor joins the centre's order by issue time. */
    void add(final int c, final int v)
    {
        if (fifoSize[c] == fifo[c].length)
        {
            fifo[c] = Arrays.copyOf(fifo[c], fifoSize[c] * 2);
        }
        final long key = ((tickets.issuedMs[v] - dayStartMs) << VISITOR_BITS) | v;
        int i = fifoSize[c]++;
        while (i > 0 && fifo[c][i - 1] > key)
        {
            fifo[c][i] = fifo[c][i - 1];
            i--;
        }
        fifo[c][i] = key;
    }

    /** The visitor leaves the centre's order (called). */
    void remove(final int c, final int v)
    {
        for (int i = 0; i < fifoSize[c]; i++)
        {
            if ((int)(fifo[c][i] & VISITOR_MASK) == v)
            {
                System.arraycopy(fifo[c], i + 1, fifo[c], i, fifoSize[c] - i - 1);
                fifoSize[c]--;
                return;
            }
        }
    }

    /** @return the longest-waiting visitor of centre {@code c} that window {@code i} serves, or -1. */
    int oldestFor(final int c, final int i)
    {
        for (int k = 0; k < fifoSize[c]; k++)
        {
            final int v = (int)(fifo[c][k] & VISITOR_MASK);
            if (hall.serves(i, tickets.currentService(v)))
            {
                return v;
            }
        }
        return -1;
    }
}

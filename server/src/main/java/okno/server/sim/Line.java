package okno.server.sim;

/**
 * The visitors waiting at each centre, counted per service and in all; under {@link SimPolicy#FIFO} also kept in
 * the {@link FifoDriver}'s order.
 */
final class Line
{
    private final int services;
    private final Tickets tickets;
    private final FifoDriver fifo;
    private final boolean ordered;
    private final int[] waiting;
    private final int[] waitingTotal;

    Line(final int centres, final int services, final Tickets tickets, final FifoDriver fifo, final SimPolicy policy)
    {
        this.services = services;
        this.tickets = tickets;
        this.fifo = fifo;
        this.ordered = policy == SimPolicy.FIFO;
        waiting = new int[centres * services];
        waitingTotal = new int[centres];
    }

    /** The visitor waits at the centre for their current service. */
    void enqueue(final int c, final int v)
    {
        waiting[c * services + tickets.currentService(v)]++;
        waitingTotal[c]++;
        if (ordered)
        {
            fifo.add(c, v);
        }
    }

    /** The visitor was called. */
    void dequeue(final int c, final int v)
    {
        waiting[c * services + tickets.currentService(v)]--;
        waitingTotal[c]--;
        if (ordered)
        {
            fifo.remove(c, v);
        }
    }

    /** @return visitors waiting at the centre for the service. */
    int waiting(final int c, final int s)
    {
        return waiting[c * services + s];
    }

    /** @return visitors waiting at the centre. */
    int total(final int c)
    {
        return waitingTotal[c];
    }

    /** @return whether anyone waits anywhere. */
    boolean anyWaiting()
    {
        for (final int n : waitingTotal)
        {
            if (n > 0)
            {
                return true;
            }
        }
        return false;
    }
}

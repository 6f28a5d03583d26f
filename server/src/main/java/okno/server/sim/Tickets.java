package okno.server.sim;

import org.agrona.collections.Int2IntHashMap;

/**
 * What the simulator knows of each visitor's ticket today: its number (and the visitor behind each number per
 * centre), when it was issued, the engine's predicted wait, the booked appointment, and which of the visitor's
 * services is next.
 */
final class Tickets
{
    private final Visitors visitors;
    /** Per centre: ticket number to visitor. */
    final Int2IntHashMap[] byTicket;
    /** 0 while the visitor's first service is next, 1 for the second. */
    final int[] stage;
    final long[] issuedMs;
    /** The visitor's first call came (their wait is recorded). */
    final boolean[] calledOnce;
    final int[] predictedSeconds;
    final long[] appointmentCode;
    final int[] ticketNumber;

    Tickets(final Visitors visitors, final int centres)
    {
        this.visitors = visitors;
        byTicket = new Int2IntHashMap[centres];
        for (int c = 0; c < centres; c++)
        {
            byTicket[c] = new Int2IntHashMap(-1);
        }
        stage = new int[visitors.count];
        issuedMs = new long[visitors.count];
        calledOnce = new boolean[visitors.count];
        predictedSeconds = new int[visitors.count];
        appointmentCode = new long[visitors.count];
        ticketNumber = new int[visitors.count];
    }

    /** @return the service the visitor waits for now. */
    int currentService(final int v)
    {
        return stage[v] == 0 ? visitors.first[v] : visitors.second[v];
    }
}

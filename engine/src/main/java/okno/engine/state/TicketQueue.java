package okno.engine.state;

/**
 * An intrusive doubly-linked list of waiting tickets ordered by original issue time (then number), so that its
 * head is the ticket that has waited longest. Insertion scans from the tail: new tickets append in O(1);
 * tickets returning for a next service or after a transfer are placed back where their issue time belongs.
 *
 * <p>A service line keeps one bit of its centre's bitset of non-empty lines (see
 * {@link CentreState#waitingLines}) equal to {@code size > 0}, so call-next finds the lines worth looking at
 * without touching the empty ones. A window's transfer queue has no such bit.
 */
public final class TicketQueue
{
    final int id;
    private final long[] nonEmpty;
    private final int word;
    private final long bit;
    Ticket head;
    Ticket tail;
    int size;

    /** A queue without a bit in any bitset (window transfers). */
    TicketQueue(final int id)
    {
        this(id, null, 0, 0);
    }

    /**
     * @param nonEmpty bitset whose bit {@code bit} of word {@code word} mirrors {@code size > 0}
     */
    TicketQueue(final int id, final long[] nonEmpty, final int word, final long bit)
    {
        this.id = id;
        this.nonEmpty = nonEmpty;
        this.word = word;
        this.bit = bit;
    }

    /** @return the longest waiting ticket, or {@code null}. */
    public Ticket head()
    {
        return head;
    }

    /** @return tickets in the queue. */
    public int size()
    {
        return size;
    }

    /** Links a ticket in issue-time order. */
    void insert(final Ticket ticket)
    {
        Ticket after = tail;
        while (after != null && ticket.isBefore(after))
        {
            after = after.prev;
        }
        ticket.prev = after;
        ticket.next = after == null ? head : after.next;
        if (ticket.next == null)
        {
            tail = ticket;
        }
        else
        {
            ticket.next.prev = ticket;
        }
        if (after == null)
        {
            head = ticket;
        }
        else
        {
            after.next = ticket;
        }
        ticket.queue = this;
        if (size++ == 0 && nonEmpty != null)
        {
            nonEmpty[word] |= bit;
        }
    }

    /** Unlinks a ticket of this queue. */
    void remove(final Ticket ticket)
    {
        if (ticket.prev == null)
        {
            head = ticket.next;
        }
        else
        {
            ticket.prev.next = ticket.next;
        }
        if (ticket.next == null)
        {
            tail = ticket.prev;
        }
        else
        {
            ticket.next.prev = ticket.prev;
        }
        ticket.prev = null;
        ticket.next = null;
        ticket.queue = null;
        if (--size == 0 && nonEmpty != null)
        {
            nonEmpty[word] &= ~bit;
        }
    }

    /** Forgets every ticket (the pool is reset separately). */
    void clear()
    {
        head = null;
        tail = null;
        size = 0;
        if (nonEmpty != null)
        {
            nonEmpty[word] &= ~bit;
        }
    }

    /** @return whether this queue's bit in the non-empty bitset is set (always true for transfer queues). */
    boolean bitMatchesSize()
    {
        return nonEmpty == null || ((nonEmpty[word] & bit) != 0) == (size > 0);
    }

    /** @return how many tickets of this queue come before {@code ticket}. */
    int countBefore(final Ticket ticket)
    {
        int count = 0;
        for (Ticket t = head; t != null && t.isBefore(ticket); t = t.next)
        {
            count++;
        }
        return count;
    }
}

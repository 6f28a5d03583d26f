package okno.engine.state;

/**
 * An intrusive doubly-linked list of waiting tickets ordered by original issue time (then number), so that its
 * head is the ticket that has waited longest. Insertion scans from the tail: new tickets append in O(1);
 * tickets returning for a next service or after a transfer are placed back where their issue time belongs.
 *
 * <p>A service line reports every change of its head to its centre's {@link LineIndex}, so call-next finds the
 * lines worth looking at, and compares their heads, without touching queues or tickets. A window's transfer
 * queue has no index.
 */
public final class TicketQueue
{
    final int id;
    private final LineIndex index;
    private final ServiceLoad load;
    Ticket head;
    Ticket tail;
    int size;

    /** A queue outside any index (window transfers). */
    TicketQueue(final int id)
    {
        this(id, null, null);
    }

    /**
     * A service line.
     *
     * @param index the centre's line index, {@code id} being the line id there
     * @param load  the centre's waiting work, told of every ticket joining or leaving
     */
    TicketQueue(final int id, final LineIndex index, final ServiceLoad load)
    {
        this.id = id;
        this.index = index;
        this.load = load;
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
            if (index != null)
            {
                index.head(id, ticket);
            }
        }
        else
        {
            after.next = ticket;
        }
        ticket.queue = this;
        size++;
        if (load != null)
        {
            load.waitingChanged(id / CentreState.PRIORITY_CLASSES, 1);
        }
    }

    /** Unlinks a ticket of this queue. */
    void remove(final Ticket ticket)
    {
        if (ticket.prev == null)
        {
            head = ticket.next;
            if (index != null)
            {
                if (head == null)
                {
                    index.empty(id);
                }
                else
                {
                    index.head(id, head);
                }
            }
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
        size--;
        if (load != null)
        {
            load.waitingChanged(id / CentreState.PRIORITY_CLASSES, -1);
        }
    }

    /** Forgets every ticket (the pool and the centre's {@link ServiceLoad} are reset separately). */
    void clear()
    {
        head = null;
        tail = null;
        size = 0;
        if (index != null)
        {
            index.empty(id);
        }
    }

    /** @return whether the line index agrees with this queue (always true for transfer queues). */
    boolean indexMatches()
    {
        return index == null || index.matches(id, this);
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

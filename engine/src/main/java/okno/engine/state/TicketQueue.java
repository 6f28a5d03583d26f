package okno.engine.state;

/**
 * An intrusive doubly-linked list of waiting tickets ordered by original issue time (then number), so that its
 * head is the ticket that has waited longest. Insertion scans from the tail: new tickets append in O(1);
 * tickets returning for a next service or after a transfer are placed back where their issue time belongs.
 */
public final class TicketQueue
{
    final int id;
    Ticket head;
    Ticket tail;
    int size;

    TicketQueue(final int id)
    {
        this.id = id;
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
        size++;
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
        size--;
    }

    /** Forgets every ticket (the pool is reset separately). */
    void clear()
    {
        head = null;
        tail = null;
        size = 0;
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

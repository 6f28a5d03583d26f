package okno.engine.state;

/**
 * The waiting lines of one centre: one per service and priority class (line id {@link CentreState#lineId}), then
 * one per window for the tickets transferred to it (line id {@code serviceLines + window}). Each line is a
 * doubly-linked list through the {@link TicketTable}'s link fields, ordered by original issue time (then number),
 * so that its head has waited longest; head, tail, size and the tail's issue time of all lines lie in one
 * {@code int[]}:
 * <pre>
 *   [ line 0: head tail size tailTime | line 1: head tail size tailTime | ... ]   an empty line has head = tail = -1
 *     tailTime   the tail's issue time, ms since the day start ({@link TicketTable#orderTime}); stale when empty
 * </pre>
 * Insertion scans from the tail: new tickets append in O(1); tickets returning for a next service or after a
 * transfer are placed back where their issue time belongs. A ticket issued later than the tail appends without
 * reading the tail's record (only writing its link), which is the case of nearly every new ticket.
 *
 * <p>A service line reports every change of its head to the centre's {@link LineIndex}, so call-next finds the
 * lines worth looking at, and compares their heads, without touching lines or tickets, and every ticket joining
 * or leaving to the centre's {@link ServiceLoad}. Transfer lines have neither. Engine thread only.
 */
final class TicketLines
{
    private static final int HEAD = 0;
    private static final int TAIL = 1;
    private static final int SIZE = 2;
    private static final int TAIL_TIME = 3;
    private static final int STRIDE = 4;

    private final TicketTable tickets;
    private final LineIndex index;
    private final ServiceLoad load;
    private final int serviceLines;
    private final int[] lines;

    TicketLines(final TicketTable tickets, final LineIndex index, final ServiceLoad load, final int serviceLines,
        final int windows)
    {
        this.tickets = tickets;
        this.index = index;
        this.load = load;
        this.serviceLines = serviceLines;
        this.lines = new int[(serviceLines + windows) * STRIDE];
        clear();
    }

    /** @return service lines (services x priority classes); transfer lines follow them. */
    int serviceLines()
    {
        return serviceLines;
    }

    /** @return line count, service and transfer lines. */
    int count()
    {
        return lines.length / STRIDE;
    }

    /** @return the longest waiting ticket of a line, or {@link TicketTable#NONE}. */
    int head(final int line)
    {
        return lines[line * STRIDE + HEAD];
    }

    /** @return the last ticket of a line, or {@link TicketTable#NONE}. */
    int tail(final int line)
    {
        return lines[line * STRIDE + TAIL];
    }

    /** @return tickets in a line. */
    int size(final int line)
    {
        return lines[line * STRIDE + SIZE];
    }

    /** Links a ticket into a line in issue-time order. */
    void insert(final int line, final int t)
    {
        final int base = line * STRIDE;
        final long key = tickets.orderKey(t);
        final int time = tickets.orderTime(t);
        int after = lines[base + TAIL];
        if (after != TicketTable.NONE && time <= lines[base + TAIL_TIME])
        {
            while (after != TicketTable.NONE && key < tickets.orderKey(after))
            {
                after = tickets.prev(after);
            }
        }
        final int next = after == TicketTable.NONE ? lines[base + HEAD] : tickets.next(after);
        tickets.link(t, line, after, next);
        if (next == TicketTable.NONE)
        {
            lines[base + TAIL] = t;
            lines[base + TAIL_TIME] = time;
        }
        else
        {
            tickets.setPrev(next, t);
        }
        if (after == TicketTable.NONE)
        {
            lines[base + HEAD] = t;
            if (line < serviceLines)
            {
                index.head(line, key);
            }
        }
        else
        {
            tickets.setNext(after, t);
        }
        lines[base + SIZE]++;
        if (line < serviceLines)
        {
            load.waitingChanged(line / CentreState.PRIORITY_CLASSES, 1);
        }
    }

    /** Unlinks a ticket from the line it is in, if any. */
    void remove(final int t)
    {
        final int line = tickets.line(t);
        if (line == TicketTable.NONE)
        {
            return;
        }
        final int base = line * STRIDE;
        final int prev = tickets.prev(t);
        final int next = tickets.next(t);
        if (prev == TicketTable.NONE)
        {
            lines[base + HEAD] = next;
            if (line < serviceLines)
            {
                if (next == TicketTable.NONE)
                {
                    index.empty(line);
                }
                else
                {
                    index.head(line, tickets.orderKey(next));
                }
            }
        }
        else
        {
            tickets.setNext(prev, next);
        }
        if (next == TicketTable.NONE)
        {
            lines[base + TAIL] = prev;
            if (prev != TicketTable.NONE)
            {
                lines[base + TAIL_TIME] = tickets.orderTime(prev);
            }
        }
        else
        {
            tickets.setPrev(next, prev);
        }
        tickets.link(t, TicketTable.NONE, TicketTable.NONE, TicketTable.NONE);
        lines[base + SIZE]--;
        if (line < serviceLines)
        {
            load.waitingChanged(line / CentreState.PRIORITY_CLASSES, -1);
        }
    }

    /** Forgets every ticket (the table, the line index and the centre's {@link ServiceLoad} are reset separately). */
    void clear()
    {
        for (int line = 0; line < count(); line++)
        {
            lines[line * STRIDE + HEAD] = TicketTable.NONE;
            lines[line * STRIDE + TAIL] = TicketTable.NONE;
            lines[line * STRIDE + SIZE] = 0;
        }
    }

    /** @return how many tickets of a line come before ticket {@code t}. */
    int countBefore(final int line, final int t)
    {
        final long key = tickets.orderKey(t);
        int count = 0;
        for (int u = head(line); u != TicketTable.NONE && tickets.orderKey(u) < key; u = tickets.next(u))
        {
            count++;
        }
        return count;
    }

    /**
     * @return whether the line index agrees with a service line and the recorded tail time with the tail
     *     (invariant check)
     */
    boolean indexMatches(final int line)
    {
        final int head = head(line);
        final int tail = tail(line);
        return (tail == TicketTable.NONE || lines[line * STRIDE + TAIL_TIME] == tickets.orderTime(tail))
            && (line >= serviceLines
            || index.matches(line, size(line) > 0, head == TicketTable.NONE ? 0 : tickets.orderKey(head)));
    }
}

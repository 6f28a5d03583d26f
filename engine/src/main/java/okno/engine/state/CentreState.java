package okno.engine.state;

import okno.config.DayHours;
import okno.engine.api.TicketState;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Everything of one centre for the current day: the ticket pool, the waiting lines (one {@link TicketQueue} per
 * service and priority class, one per window for transfers), windows, request-id dedup tables, number serials
 * and counters. Tickets are pooled objects reused from day to day, so a steady day allocates nothing.
 */
public final class CentreState
{
    /** Priority classes have codes 1..3 (normal, accessibility, appointment). */
    static final int PRIORITY_CLASSES = 3;
    private static final int INITIAL_POOL = 64;

    final int index;
    private final DayHours[] hoursByDay;
    final WindowState[] windows;
    /** Open and free windows as bitsets, kept by the windows. */
    final WindowFlags flags;
    /** Waiting work per service and window, open windows per service, service time estimates: for the ETA. */
    final ServiceLoad load;
    private final TicketQueue[] serviceQueues;
    /** Non-empty lines and their heads, for call-next. */
    private final LineIndex lines;

    Ticket[] tickets = new Ticket[INITIAL_POOL];
    int ticketCount;
    /** Packed number to pool index. */
    final NumberIndex ticketByNumber = new NumberIndex();
    /** Request key to pool index, today. */
    final Long2LongHashMap ticketByRequest = new Long2LongHashMap(-1);
    /** Request key to appointment code, today. */
    final Long2LongHashMap appointmentByRequest = new Long2LongHashMap(-1);
    /** Last serial issued per prefix letter A..Z, today. */
    final int[] serials = new int[26];
    /** Tickets per state code, today. */
    final int[] stateCounts = new int[TicketState.COUNT + 1];

    int openWindows;
    int consecutivePriorityCalls;
    int servicesCompleted;
    long waitSumMs;
    int waitCount;
    long maxWaitMs;
    long ratingSum;
    int ratingCount;

    CentreState(final int index, final DayHours[] hoursByDay, final WindowState[] windows, final WindowFlags flags,
        final int serviceCount)
    {
        this.index = index;
        this.hoursByDay = hoursByDay;
        this.windows = windows;
        this.flags = flags;
        this.load = new ServiceLoad(windows, serviceCount);
        this.serviceQueues = new TicketQueue[serviceCount * PRIORITY_CLASSES];
        this.lines = new LineIndex(serviceCount);
        for (int i = 0; i < serviceQueues.length; i++)
        {
            serviceQueues[i] = new TicketQueue(i, lines, load);
        }
        for (int i = 0; i < tickets.length; i++)
        {
            tickets[i] = new Ticket(i);
        }
    }

    /** @return the waiting line of a service and priority class code (1..3). */
    public TicketQueue serviceQueue(final int service, final int priority)
    {
        return serviceQueues[lineId(service, priority)];
    }

    /** @return words of one priority class's bitset of non-empty lines (one bit per service). */
    public int lineWords()
    {
        return lines.lineWords();
    }

    /**
     * @param priority priority class code (1..3)
     * @param word     word of the bitset: services {@code 64 * word} to {@code 64 * word + 63}
     * @return bits of the services whose line of that class has waiting tickets
     */
    public long waitingLines(final int priority, final int word)
    {
        return lines.nonEmpty(priority, word);
    }

    /** @return id of the line of a service and priority class code (1..3), as {@link #lineHead} takes it. */
    public static int lineId(final int service, final int priority)
    {
        return service * PRIORITY_CLASSES + priority - 1;
    }

    /**
     * @return order key of the head of a non-empty line (undefined for an empty one): of two tickets, the one
     *     issued earlier, then the one with the lower number, has the smaller key (see {@link #orderKey})
     */
    public long lineHeadKey(final int line)
    {
        return lines.headKey(line);
    }

    /** @return order key of one of today's tickets, comparable with {@link #lineHeadKey}. */
    public long orderKey(final Ticket ticket)
    {
        return lines.key(ticket);
    }

    /** @return original issue time of the ticket an order key was made of. */
    public long issuedMsOf(final long key)
    {
        return lines.issuedMs(key);
    }

    /** @return the head ticket of a line, or {@code null}. */
    public Ticket lineHead(final int line)
    {
        return serviceQueues[line].head;
    }

    /** @return number of service queues (services x priority classes). */
    int serviceQueueCount()
    {
        return serviceQueues.length;
    }

    /** @return a service queue by id. */
    TicketQueue serviceQueueById(final int id)
    {
        return serviceQueues[id];
    }

    /** @return the window with that index. */
    public WindowState window(final int window)
    {
        return windows[window];
    }

    /**
     * @return consecutive accessibility/appointment calls made while normal tickets waited, since the last
     *     normal call
     */
    public int consecutivePriorityCalls()
    {
        return consecutivePriorityCalls;
    }

    /** @return opening hours on a local day, or {@code null} when closed all day. */
    DayHours hoursOn(final long epochDay)
    {
        return hoursByDay[DayCalendar.dayOfWeek(epochDay).getValue() - 1];
    }

    /** @return whether some window of the centre has the service (configuration). */
    boolean offers(final int service)
    {
        return load.offered(service);
    }

    /** @return windows of the centre having the service (configuration). */
    int offeredWindows(final int service)
    {
        return load.windowCount(service);
    }

    /** @return whether the window index exists. */
    boolean hasWindow(final int window)
    {
        return window >= 0 && window < windows.length;
    }

    /** @return today's ticket with that packed number, or {@code null}. */
    Ticket ticketByNumber(final int number)
    {
        final int i = ticketByNumber.get(number);
        return i < 0 ? null : tickets[i];
    }

    /** @return tickets waiting for a service, all priority classes (not counting window transfers). */
    int waitingFor(final int service)
    {
        return load.waiting(service);
    }

    /** Takes the next ticket of the pool, growing the pool (only) past the largest day seen so far. */
    Ticket newTicket()
    {
        if (ticketCount == tickets.length)
        {
            final Ticket[] grown = Arrays.copyOf(tickets, tickets.length * 2);
            for (int i = tickets.length; i < grown.length; i++)
            {
                grown[i] = new Ticket(i);
            }
            tickets = grown;
        }
        return tickets[ticketCount++];
    }

    /** Moves a ticket to a state, keeping the per-state counts. */
    void setState(final Ticket ticket, final TicketState state)
    {
        if (ticket.state != null)
        {
            stateCounts[ticket.state.code()]--;
        }
        stateCounts[state.code()]++;
        ticket.state = state;
    }

    /** Puts a ticket into the line it waits in (its target window's, or its service and class) as WAITING. */
    void enqueue(final Ticket ticket)
    {
        final TicketQueue queue = ticket.targetWindow >= 0
            ? windows[ticket.targetWindow].transfers
            : serviceQueue(ticket.currentService(), ticket.priority);
        queue.insert(ticket);
        ticket.window = -1;
        setState(ticket, TicketState.WAITING);
    }

    /** Takes a ticket out of its line, if it is in one. */
    void dequeue(final Ticket ticket)
    {
        if (ticket.queue != null)
        {
            ticket.queue.remove(ticket);
        }
    }

    /**
     * Forgets the day and starts the one from {@code dayStartMs}: pool, lines, dedup tables, serials, counters,
     * open windows per service. Windows are closed by the caller.
     */
    void startDay(final long dayStartMs)
    {
        for (int i = 0; i < ticketCount; i++)
        {
            tickets[i].reset();
        }
        ticketCount = 0;
        for (final TicketQueue queue : serviceQueues)
        {
            queue.clear();
        }
        for (final WindowState window : windows)
        {
            window.transfers.clear();
            window.setCurrent(null);
            window.last = null;
        }
        load.startDay();
        lines.startDay(dayStartMs);
        ticketByNumber.clear();
        ticketByRequest.clear();
        appointmentByRequest.clear();
        Arrays.fill(serials, 0);
        Arrays.fill(stateCounts, 0);
        consecutivePriorityCalls = 0;
        servicesCompleted = 0;
        waitSumMs = 0;
        waitCount = 0;
        maxWaitMs = 0;
        ratingSum = 0;
        ratingCount = 0;
    }
}

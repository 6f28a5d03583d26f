package okno.engine.state;

import okno.config.DayHours;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Everything of one centre for the current day: the tickets ({@link TicketTable}), the waiting lines
 * ({@link TicketLines}: one per service and priority class, one per window for transfers), windows, request-id
 * dedup tables, number serials and counters. Tickets are records in primitive arrays reused from day to day, so
 * a steady day allocates nothing.
 */
public final class CentreState
{
    /** Priority classes have codes 1..3 (normal, accessibility, appointment). */
    static final int PRIORITY_CLASSES = 3;

    final int index;
    private final DayHours[] hoursByDay;
    final WindowState[] windows;
    /** The windows' skills and weights, for call-next. */
    private final WindowSkills skills;
    /** Open and free windows as bitsets, kept by the windows. */
    final WindowFlags flags;
    /** Waiting work per service and window, open windows per service, service time estimates: for the ETA. */
    final ServiceLoad load;
    /** Non-empty lines and their heads, for call-next. */
    private final LineIndex lineIndex;
    /** Today's tickets. */
    final TicketTable tickets = new TicketTable();
    /** Waiting lines: per service and priority class, then per window for transfers. */
    final TicketLines lines;
    /** Packed number to ticket. */
    final NumberIndex ticketByNumber = new NumberIndex();
    /** Request key to ticket, today. */
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

    CentreState(final int index, final DayHours[] hoursByDay, final WindowState[] windows, final WindowSkills skills,
        final WindowFlags flags, final int serviceCount)
    {
        this.index = index;
        this.hoursByDay = hoursByDay;
        this.windows = windows;
        this.skills = skills;
        this.flags = flags;
        this.load = new ServiceLoad(skills, windows.length, serviceCount);
        this.lineIndex = new LineIndex(serviceCount);
        this.lines = new TicketLines(tickets, lineIndex, load, serviceCount * PRIORITY_CLASSES, windows.length);
    }

    /** @return today's tickets. */
    public TicketTable tickets()
    {
        return tickets;
    }

    /** @return skills and weights of the centre's windows. */
    public WindowSkills skills()
    {
        return skills;
    }

    /** @return words of one priority class's bitset of non-empty lines (one bit per service). */
    public int lineWords()
    {
        return lineIndex.lineWords();
    }

    /**
     * @param priority priority class code (1..3)
     * @param word     word of the bitset: services {@code 64 * word} to {@code 64 * word + 63}
     * @return bits of the services whose line of that class has waiting tickets
     */
    public long waitingLines(final int priority, final int word)
    {
        return lineIndex.nonEmpty(priority, word);
    }

    /** @return id of the line of a service and priority class code (1..3), as {@link #lineHead} takes it. */
    public static int lineId(final int service, final int priority)
    {
        return service * PRIORITY_CLASSES + priority - 1;
    }

    /**
     * @return original issue time, ms since the day start, of the head of the non-empty line of a service and
     *     priority class code (1..3), undefined for an empty one (see {@link TicketTable#orderTime})
     */
    public int lineHeadTime(final int service, final int priority)
    {
        return lineIndex.headTime(service, priority);
    }

    /**
     * @return order key of the head of a non-empty service line, undefined for an empty one: of two tickets, the
     *     one issued earlier, then the one with the lower number, has the smaller key (see
     *     {@link TicketTable#orderKey})
     */
    public long lineHeadKey(final int line)
    {
        return lineIndex.headKey(line);
    }

    /** @return epoch ms of a time given in ms since the day start, as {@link #lineHeadTime}. */
    public long issuedMsAt(final int time)
    {
        return lineIndex.issuedMs(time);
    }

    /** @return the head ticket of a line (service or transfer line), or {@link TicketTable#NONE}. */
    public int lineHead(final int line)
    {
        return lines.head(line);
    }

    /** @return id of the line of tickets transferred to a window. */
    public int transferLine(final int window)
    {
        return lines.serviceLines() + window;
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

    /** A staff member sits down at a closed window: it serves what they are trained for too while they stay. */
    void seat(final WindowState w, final StaffState s)
    {
        skills.seat(w.index, s.skills);
        load.staffSeated(w.index, 1);
    }

    /** The window's staff member leaves it (it no longer counts as open): their training goes with them. */
    void unseat(final WindowState w)
    {
        load.staffSeated(w.index, -1);
        skills.unseat(w.index);
    }

    /** @return closed windows whose desk has the service. */
    int closedHaving(final int service)
    {
        int count = 0;
        for (final WindowState w : windows)
        {
            if (w.mode == WindowMode.CLOSED && (skills.deskBits(w.index, service >>> 6) & 1L << service) != 0)
            {
                count++;
            }
        }
        return count;
    }

    /** @return whether the window index exists. */
    boolean hasWindow(final int window)
    {
        return window >= 0 && window < windows.length;
    }

    /** @return today's ticket with that packed number, or {@link TicketTable#NONE}. */
    int ticketByNumber(final int number)
    {
        return ticketByNumber.get(number);
    }

    /** @return tickets waiting for a service, all priority classes (not counting window transfers). */
    int waitingFor(final int service)
    {
        return load.waiting(service);
    }

    /** Moves a ticket to a state, keeping the per-state counts. */
    void setState(final int t, final TicketState state)
    {
        final TicketState old = tickets.state(t);
        if (old != null)
        {
            stateCounts[old.code()]--;
        }
        stateCounts[state.code()]++;
        tickets.setState(t, state);
    }

    /** @return the line a ticket waits in when WAITING: its target window's, or its service and class. */
    int homeLine(final int t)
    {
        final int target = tickets.targetWindow(t);
        return target >= 0 ? transferLine(target) : lineId(tickets.currentService(t), tickets.priority(t));
    }

    /** Puts a ticket into the line it waits in (see {@link #homeLine}) as WAITING. */
    void enqueue(final int t)
    {
        lines.insert(homeLine(t), t);
        tickets.setWindow(t, -1);
        setState(t, TicketState.WAITING);
    }

    /** Takes a ticket out of its line, if it is in one. */
    void dequeue(final int t)
    {
        lines.remove(t);
    }

    /**
     * Forgets the day and starts the one from {@code dayStartMs}: tickets, lines, dedup tables, serials, counters,
     * open windows per service. Windows are closed by the caller.
     */
    void startDay(final long dayStartMs)
    {
        tickets.startDay(dayStartMs);
        lines.clear();
        for (final WindowState window : windows)
        {
            window.setCurrent(TicketTable.NONE);
            window.last = TicketTable.NONE;
            skills.unseat(window.index);
        }
        load.startDay();
        lineIndex.startDay(dayStartMs);
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

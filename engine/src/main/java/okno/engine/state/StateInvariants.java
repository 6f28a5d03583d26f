package okno.engine.state;

import okno.engine.api.StaffMode;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;

/** The consistency rules of a {@link NetworkState}, checked by {@link NetworkState#validateInternalState()}. */
final class StateInvariants
{
    private StateInvariants()
    {
    }

    static void check(final NetworkState state)
    {
        for (final CentreState centre : state.centres)
        {
            checkTickets(centre);
            checkLines(centre);
            checkWindows(state, centre);
        }
        for (final StaffState s : state.staff)
        {
            if (s.mode == StaffMode.AT_WINDOW || s.mode == StaffMode.BREAK)
            {
                final WindowState w = state.centres[s.centre].windows[s.window];
                require(w.staff == s.index, "staff ", s.index, " not at its window");
                require((w.mode == WindowMode.OPEN) == (s.mode == StaffMode.AT_WINDOW), "staff ", s.index,
                    " mode does not match its window");
            }
            else
            {
                require(s.window == -1, "idle staff ", s.index, " holds a window");
            }
            require(s.mode == StaffMode.TRAVELLING || s.targetCentre == -1, "staff ", s.index, " has a target");
            require(s.mode != StaffMode.TRAVELLING || s.arrivalMs >= state.nextArrivalMs, "staff ", s.index,
                " arrives before the next arrival timer");
        }
    }

    private static void checkTickets(final CentreState centre)
    {
        final int[] counts = new int[TicketState.COUNT + 1];
        for (int i = 0; i < centre.ticketCount; i++)
        {
            final Ticket t = centre.tickets[i];
            require(t.index == i && t.state != null, "ticket ", i, " has no state");
            counts[t.state.code()]++;
            require(centre.ticketByNumber.get(t.number) == i, "ticket number not unique: ", t.number, "");
            final TicketQueue expected = t.targetWindow >= 0
                ? centre.windows[t.targetWindow].transfers
                : centre.serviceQueue(t.currentService(), t.priority);
            require((t.state == TicketState.WAITING) == (t.queue != null), "ticket ", i, " waiting but not queued");
            require(t.queue == null || t.queue == expected, "ticket ", i, " in a wrong line");
            if (t.state == TicketState.CALLED || t.state == TicketState.SERVING)
            {
                require(t.window >= 0 && centre.windows[t.window].current == t, "ticket ", i,
                    " called but its window does not point back");
            }
        }
        require(centre.ticketByNumber.size() == centre.ticketCount, "number index size ", centre.index, "");
        int sum = 0;
        for (int code = 1; code <= TicketState.COUNT; code++)
        {
            require(counts[code] == centre.stateCounts[code], "count of state ", code, " is off");
            sum += counts[code];
        }
        require(sum == centre.ticketCount, "states do not add up to issued at centre ", centre.index, "");
    }

    private static void checkLines(final CentreState centre)
    {
        int queued = 0;
        for (int q = 0; q < centre.serviceQueueCount(); q++)
        {
            final int n = checkLine(centre.serviceQueueById(q));
            queued += n;
            if (q % CentreState.PRIORITY_CLASSES == 0)
            {
                final int service = q / CentreState.PRIORITY_CLASSES;
                require(centre.load.waiting(service) == n + centre.serviceQueueById(q + 1).size
                    + centre.serviceQueueById(q + 2).size, "waiting count of service ", service, " is off");
            }
        }
        for (final WindowState w : centre.windows)
        {
            queued += checkLine(w.transfers);
        }
        require(queued == centre.stateCounts[TicketState.WAITING.code()], "waiting count ",
            centre.stateCounts[TicketState.WAITING.code()], " differs from lines");
    }

    private static int checkLine(final TicketQueue queue)
    {
        int n = 0;
        Ticket previous = null;
        for (Ticket t = queue.head; t != null; t = t.next)
        {
            require(t.queue == queue && t.prev == previous, "broken links in line ", queue.id, "");
            require(previous == null || previous.isBefore(t), "line ", queue.id, " out of issue order");
            previous = t;
            n++;
        }
        require(previous == queue.tail && n == queue.size, "line ", queue.id, " size or tail wrong");
        require(queue.indexMatches(), "line index of line ", queue.id, " is wrong");
        return n;
    }

    private static void checkWindows(final NetworkState state, final CentreState centre)
    {
        int open = 0;
        final int[] serving = new int[state.serviceCount];
        for (final WindowState w : centre.windows)
        {
            if (w.current != null)
            {
                require(w.mode == WindowMode.OPEN && w.current.window == w.index, "window ", w.index,
                    " current ticket does not point back");
                require(w.current.state == TicketState.CALLED || w.current.state == TicketState.SERVING,
                    "window ", w.index, " current ticket is not called or serving");
            }
            require(w.flagsMatch(), "window flags of window ", w.index, " are off");
            if (w.mode == WindowMode.CLOSED)
            {
                require(w.staff == -1 && w.transfers.size == 0, "closed window ", w.index, " has staff or transfers");
            }
            else
            {
                final StaffState s = state.staff[w.staff];
                require(s.window == w.index && s.centre == centre.index, "window ", w.index, " staff elsewhere");
            }
            if (w.mode == WindowMode.OPEN)
            {
                open++;
                for (int i = 0; i < w.skillCount(); i++)
                {
                    serving[w.skillService(i)]++;
                }
            }
        }
        require(open == centre.openWindows, "open window count of centre ", centre.index, " is off");
        for (int s = 0; s < serving.length; s++)
        {
            require(serving[s] == centre.load.openServing(s), "open windows per service off at ", centre.index, "");
        }
        require(centre.load.sumsMatch(), "waiting work per window off at ", centre.index, "");
    }

    private static void require(final boolean ok, final String what, final long value, final String more)
    {
        if (!ok)
        {
            throw new IllegalStateException(what + value + more);
        }
    }
}

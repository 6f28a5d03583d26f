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
        final TicketTable tickets = centre.tickets;
        for (int t = 0; t < tickets.count(); t++)
        {
            final TicketState state = tickets.state(t);
            require(state != null, "ticket ", t, " has no state");
            counts[state.code()]++;
            require(centre.ticketByNumber.get(tickets.number(t)) == t, "ticket number not unique: ", tickets.number(t),
                "");
            final int line = tickets.line(t);
            require((state == TicketState.WAITING) == (line != TicketTable.NONE), "ticket ", t,
                " waiting but not queued");
            require(line == TicketTable.NONE || line == centre.homeLine(t), "ticket ", t, " in a wrong line");
            require(tickets.currentService(t) == tickets.service(t, tickets.step(t)), "ticket ", t,
                " current service differs from its plan");
            if (state == TicketState.CALLED || state == TicketState.SERVING)
            {
                final int window = tickets.window(t);
                require(window >= 0 && centre.windows[window].current == t, "ticket ", t,
                    " called but its window does not point back");
            }
        }
        require(centre.ticketByNumber.size() == tickets.count(), "number index size ", centre.index, "");
        int sum = 0;
        for (int code = 1; code <= TicketState.COUNT; code++)
        {
            require(counts[code] == centre.stateCounts[code], "count of state ", code, " is off");
            sum += counts[code];
        }
        require(sum == tickets.count(), "states do not add up to issued at centre ", centre.index, "");
    }

    private static void checkLines(final CentreState centre)
    {
        final TicketLines lines = centre.lines;
        int queued = 0;
        for (int line = 0; line < lines.count(); line++)
        {
            queued += checkLine(centre, line);
        }
        for (int q = 0; q < lines.serviceLines(); q += CentreState.PRIORITY_CLASSES)
        {
            final int service = q / CentreState.PRIORITY_CLASSES;
            require(centre.load.waiting(service) == lines.size(q) + lines.size(q + 1) + lines.size(q + 2),
                "waiting count of service ", service, " is off");
        }
        require(queued == centre.stateCounts[TicketState.WAITING.code()], "waiting count ",
            centre.stateCounts[TicketState.WAITING.code()], " differs from lines");
    }

    private static int checkLine(final CentreState centre, final int line)
    {
        final TicketTable tickets = centre.tickets;
        final TicketLines lines = centre.lines;
        int n = 0;
        int previous = TicketTable.NONE;
        for (int t = lines.head(line); t != TicketTable.NONE; t = tickets.next(t))
        {
            require(tickets.line(t) == line && tickets.prev(t) == previous, "broken links in line ", line, "");
            require(previous == TicketTable.NONE || tickets.orderKey(previous) < tickets.orderKey(t), "line ", line,
                " out of issue order");
            previous = t;
            n++;
        }
        require(previous == lines.tail(line) && n == lines.size(line), "line ", line, " size or tail wrong");
        require(lines.indexMatches(line), "line index of line ", line, " is wrong");
        return n;
    }

    private static void checkWindows(final NetworkState state, final CentreState centre)
    {
        int open = 0;
        final int[] serving = new int[state.serviceCount];
        final WindowSkills skills = centre.skills();
        for (final WindowState w : centre.windows)
        {
            if (w.current != TicketTable.NONE)
            {
                final TicketState current = centre.tickets.state(w.current);
                require(w.mode == WindowMode.OPEN && centre.tickets.window(w.current) == w.index, "window ", w.index,
                    " current ticket does not point back");
                require(current == TicketState.CALLED || current == TicketState.SERVING,
                    "window ", w.index, " current ticket is not called or serving");
            }
            require(w.flagsMatch(), "window flags of window ", w.index, " are off");
            if (w.mode == WindowMode.CLOSED)
            {
                require(w.staff == -1 && centre.lines.size(centre.transferLine(w.index)) == 0, "closed window ",
                    w.index, " has staff or transfers");
            }
            else
            {
                final StaffState s = state.staff[w.staff];
                require(s.window == w.index && s.centre == centre.index, "window ", w.index, " staff elsewhere");
            }
            for (int word = 0; word < skills.words(); word++)
            {
                final long trained = w.mode == WindowMode.CLOSED ? 0 : state.staff[w.staff].skills[word];
                require(skills.bits(w.index, word) == (skills.deskBits(w.index, word) | trained), "window ", w.index,
                    " serves other services than its desk's and its staff member's");
                for (long bits = skills.bits(w.index, word); bits != 0 && w.mode == WindowMode.OPEN; bits &= bits - 1)
                {
                    serving[(word << 6) + Long.numberOfTrailingZeros(bits)]++;
                }
            }
            open += w.mode == WindowMode.OPEN ? 1 : 0;
        }
        require(open == centre.openWindows, "open window count of centre ", centre.index, " is off");
        for (int s = 0; s < serving.length; s++)
        {
            require(serving[s] == centre.load.openServing(s), "open windows per service off at ", centre.index, "");
        }
        require(centre.load.sumsMatch(), "waiting work per window off at ", centre.index, "");
        require(centre.load.havingMatches(), "windows serving a service off at ", centre.index, "");
    }

    private static void require(final boolean ok, final String what, final long value, final String more)
    {
        if (!ok)
        {
            throw new IllegalStateException(what + value + more);
        }
    }
}

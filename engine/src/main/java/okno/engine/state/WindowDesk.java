package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;

/**
 * Window modes: opens a window with a staff member, closes it (its transfers go back to their lines), sends it on
 * a break, and keeps the open-window counters of the centre (per service too) that ETA and KPIs read. Also the
 * window checks the visit commands share. Engine thread only; allocation free.
 */
final class WindowDesk
{
    private final NetworkState state;

    WindowDesk(final NetworkState state)
    {
        this.state = state;
    }

    Result open(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (!centre.hasWindow(c.window))
        {
            return Result.UNKNOWN_WINDOW;
        }
        if (c.staff < 0 || c.staff >= state.staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        final WindowState w = centre.windows[c.window];
        final StaffState s = state.staff[c.staff];
        if (w.mode == WindowMode.OPEN)
        {
            return Result.WINDOW_ALREADY_OPEN;
        }
        if (s.mode == StaffMode.TRAVELLING)
        {
            return Result.STAFF_TRAVELLING;
        }
        if (s.centre != centre.index)
        {
            return Result.STAFF_NOT_HERE;
        }
        if (w.mode == WindowMode.BREAK && w.staff != s.index)
        {
            return Result.WINDOW_ON_BREAK;
        }
        if (w.mode == WindowMode.CLOSED && (s.mode == StaffMode.AT_WINDOW || s.mode == StaffMode.BREAK))
        {
            return Result.STAFF_BUSY;
        }
        if (w.mode == WindowMode.CLOSED)
        {
            centre.seat(w, s);
        }
        w.setMode(WindowMode.OPEN);
        w.staff = s.index;
        s.mode = StaffMode.AT_WINDOW;
        s.window = w.index;
        countOpen(centre, w, 1);
        state.windowEvent(EventType.WINDOW_OPENED, centre, w);
        state.publish();
        return Result.OK;
    }

    Result close(final Command c)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        if (w.mode == WindowMode.CLOSED)
        {
            return Result.WINDOW_CLOSED;
        }
        if (w.current != TicketTable.NONE)
        {
            return Result.WINDOW_BUSY;
        }
        closeIdle(state.centres[c.centre], w);
        return Result.OK;
    }

    /** Closes a window without a current visitor: its staff leave it, its transfers go back to their lines. */
    void closeIdle(final CentreState centre, final WindowState w)
    {
        if (w.mode == WindowMode.OPEN)
        {
            countOpen(centre, w, -1);
        }
        centre.unseat(w);
        state.windowEvent(EventType.WINDOW_CLOSED, centre, w);
        state.publish();
        final StaffState s = state.staff[w.staff];
        s.mode = s.idleMode();
        s.window = -1;
        w.setMode(WindowMode.CLOSED);
        w.staff = -1;
        final int transfers = centre.transferLine(w.index);
        for (int t = centre.lines.head(transfers); t != TicketTable.NONE; t = centre.lines.head(transfers))
        {
            centre.lines.remove(t);
            centre.tickets.setTargetWindow(t, -1);
            centre.enqueue(t);
        }
    }

    Result takeBreak(final Command c)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        final Result open = checkOpen(w);
        if (open != Result.OK)
        {
            return open;
        }
        if (w.current != TicketTable.NONE)
        {
            return Result.WINDOW_BUSY;
        }
        final CentreState centre = state.centres[c.centre];
        countOpen(centre, w, -1);
        w.setMode(WindowMode.BREAK);
        state.staff[w.staff].mode = StaffMode.BREAK;
        state.windowEvent(EventType.WINDOW_BREAK, centre, w);
        state.publish();
        return Result.OK;
    }

    private void countOpen(final CentreState centre, final WindowState w, final int delta)
    {
        state.kpis.openWindowsChanging(centre.index, state.nowMs, centre.openWindows);
        centre.openWindows += delta;
        centre.load.windowOpened(w.index, delta);
    }

    /** @return OK when the window is open, else why not. */
    static Result checkOpen(final WindowState w)
    {
        if (w.mode == WindowMode.CLOSED)
        {
            return Result.WINDOW_CLOSED;
        }
        return w.mode == WindowMode.BREAK ? Result.WINDOW_ON_BREAK : Result.OK;
    }

    /**
     * Checks the command's window has a current ticket, optionally in {@code expected} state.
     *
     * @param expected state the ticket must be in, or {@code null} for CALLED or SERVING
     * @param otherwise result when the ticket is in the other of the two states
     */
    Result checkCurrent(final Command c, final TicketState expected, final Result otherwise)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        if (w.current == TicketTable.NONE)
        {
            return Result.NO_CURRENT_TICKET;
        }
        return expected == null || state.centres[c.centre].tickets.state(w.current) == expected ? Result.OK : otherwise;
    }
}

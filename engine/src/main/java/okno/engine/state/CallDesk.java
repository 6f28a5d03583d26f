package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketState;
import okno.engine.policy.CallNextPolicy;

/**
 * Calling visitors to a window: call-next (through {@link CallNextPolicy}, counting the priority quota), a call by
 * number (also brings back postponed tickets), recall, no-show after enough calls, and postpone. Engine thread
 * only; allocation free.
 */
final class CallDesk
{
    private static final int NORMAL = PriorityClass.NORMAL.code();

    private final NetworkState state;
    private final WindowDesk windows;
    private final CallNextPolicy policy = new CallNextPolicy();

    CallDesk(final NetworkState state, final WindowDesk windows)
    {
        this.state = state;
        this.windows = windows;
    }

    Result callNext(final Command c)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        final Result ready = checkReadyToCall(w);
        if (ready != Result.OK)
        {
            return ready;
        }
        final CentreState centre = state.centres[c.centre];
        final int t = policy.pick(centre, c.window, state.nowMs,
            state.rules.escalationMinutes() * DayCalendar.MINUTE_MS, state.rules.priorityQuota());
        if (t == TicketTable.NONE)
        {
            return Result.NOTHING_TO_CALL;
        }
        if (centre.tickets.priority(t) == NORMAL)
        {
            centre.consecutivePriorityCalls = 0;
        }
        else if (policy.normalWaiting())
        {
            centre.consecutivePriorityCalls++;
        }
        call(centre, w, t, c);
        return Result.OK;
    }

    Result callTicket(final Command c)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        final Result ready = checkReadyToCall(w);
        if (ready != Result.OK)
        {
            return ready;
        }
        final CentreState centre = state.centres[c.centre];
        final int t = centre.ticketByNumber(c.ticketNumber);
        if (t == TicketTable.NONE)
        {
            return Result.UNKNOWN_TICKET;
        }
        final TicketState ticketState = centre.tickets.state(t);
        if (ticketState != TicketState.WAITING && ticketState != TicketState.POSTPONED)
        {
            return Result.TICKET_NOT_WAITING;
        }
        if (w.weightOf(centre.tickets.currentService(t)) == 0)
        {
            return Result.WINDOW_CANNOT_SERVE;
        }
        call(centre, w, t, c);
        return Result.OK;
    }

    private static Result checkReadyToCall(final WindowState w)
    {
        final Result open = WindowDesk.checkOpen(w);
        if (open != Result.OK)
        {
            return open;
        }
        return w.current != TicketTable.NONE ? Result.WINDOW_BUSY : Result.OK;
    }

    private void call(final CentreState centre, final WindowState w, final int t, final Command c)
    {
        final long nowMs = state.nowMs;
        final TicketTable tickets = centre.tickets;
        centre.dequeue(t);
        tickets.setTargetWindow(t, -1);
        centre.setState(t, TicketState.CALLED);
        tickets.setWindow(t, w.index);
        tickets.setCallCount(t, 1);
        final boolean firstCall = !tickets.everCalled(t);
        tickets.setCalledMs(t, nowMs);
        final long waitMs = nowMs - tickets.issuedMs(t);
        if (firstCall)
        {
            centre.waitSumMs += waitMs;
            centre.waitCount++;
            centre.maxWaitMs = Math.max(centre.maxWaitMs, waitMs);
            state.kpis.waited(centre.index, waitMs);
        }
        w.setCurrent(t);
        c.resultTicket = tickets.number(t);
        final EngineEvent e = state.windowTicketEvent(EventType.TICKET_CALLED, centre, w, t);
        e.durationMs = waitMs;
        state.publish();
    }

    Result recall(final Command c)
    {
        final Result check = windows.checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final int t = w.current;
        centre.tickets.setCallCount(t, centre.tickets.callCount(t) + 1);
        c.resultTicket = centre.tickets.number(t);
        state.windowTicketEvent(EventType.TICKET_RECALLED, centre, w, t);
        state.publish();
        return Result.OK;
    }

    Result noShow(final Command c)
    {
        final Result check = windows.checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final int t = w.current;
        if (centre.tickets.callCount(t) < state.rules.maxCalls())
        {
            return Result.NO_SHOW_TOO_EARLY;
        }
        centre.setState(t, TicketState.NO_SHOW);
        w.setCurrent(TicketTable.NONE);
        c.resultTicket = centre.tickets.number(t);
        state.windowTicketEvent(EventType.NO_SHOW, centre, w, t);
        state.publish();
        return Result.OK;
    }

    Result postpone(final Command c)
    {
        final Result check = windows.checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final int t = w.current;
        c.resultTicket = centre.tickets.number(t);
        state.windowTicketEvent(EventType.POSTPONED, centre, w, t);
        state.publish();
        centre.setState(t, TicketState.POSTPONED);
        centre.tickets.setWindow(t, -1);
        w.setCurrent(TicketTable.NONE);
        return Result.OK;
    }
}

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
        final Ticket t = policy.pick(centre, w, state.nowMs, state.rules.escalationMinutes() * DayCalendar.MINUTE_MS,
            state.rules.priorityQuota());
        if (t == null)
        {
            return Result.NOTHING_TO_CALL;
        }
        if (t.priority == NORMAL)
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
        final Ticket t = centre.ticketByNumber(c.ticketNumber);
        if (t == null)
        {
            return Result.UNKNOWN_TICKET;
        }
        if (t.state != TicketState.WAITING && t.state != TicketState.POSTPONED)
        {
            return Result.TICKET_NOT_WAITING;
        }
        if (w.weightOf(t.currentService()) == 0)
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
        return w.current != null ? Result.WINDOW_BUSY : Result.OK;
    }

    private void call(final CentreState centre, final WindowState w, final Ticket t, final Command c)
    {
        final long nowMs = state.nowMs;
        centre.dequeue(t);
        t.targetWindow = -1;
        centre.setState(t, TicketState.CALLED);
        t.window = w.index;
        t.callCount = 1;
        t.calledMs = nowMs;
        final long waitMs = nowMs - t.issuedMs;
        if (!t.everCalled)
        {
            t.everCalled = true;
            centre.waitSumMs += waitMs;
            centre.waitCount++;
            centre.maxWaitMs = Math.max(centre.maxWaitMs, waitMs);
            state.kpis.waited(centre.index, waitMs);
        }
        w.setCurrent(t);
        c.resultTicket = t.number;
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
        final Ticket t = w.current;
        t.callCount++;
        c.resultTicket = t.number;
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
        final Ticket t = w.current;
        if (t.callCount < state.rules.maxCalls())
        {
            return Result.NO_SHOW_TOO_EARLY;
        }
        centre.setState(t, TicketState.NO_SHOW);
        w.setCurrent(null);
        c.resultTicket = t.number;
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
        final Ticket t = w.current;
        c.resultTicket = t.number;
        state.windowTicketEvent(EventType.POSTPONED, centre, w, t);
        state.publish();
        centre.setState(t, TicketState.POSTPONED);
        t.window = -1;
        w.setCurrent(null);
        return Result.OK;
    }
}

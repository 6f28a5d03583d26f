package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketState;
import okno.engine.api.WindowMode;

/**
 * The visit at a window once called: start and complete the service (measuring it for ETA and KPIs, queueing the
 * ticket again for the next service of a multi-service visit), transfer it to another service or window keeping
 * its original wait, and rate it. Engine thread only; allocation free.
 */
final class VisitDesk
{
    private final NetworkState state;
    private final WindowDesk windows;

    VisitDesk(final NetworkState state, final WindowDesk windows)
    {
        this.state = state;
        this.windows = windows;
    }

    Result start(final Command c)
    {
        final Result check = windows.checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final int t = w.current;
        centre.setState(t, TicketState.SERVING);
        centre.tickets.setServiceStartMs(t, state.nowMs);
        c.resultTicket = centre.tickets.number(t);
        state.windowTicketEvent(EventType.SERVICE_STARTED, centre, w, t);
        state.publish();
        return Result.OK;
    }

    Result complete(final Command c)
    {
        final Result check = windows.checkCurrent(c, TicketState.SERVING, Result.NOT_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final TicketTable tickets = centre.tickets;
        final int t = w.current;
        final int service = tickets.currentService(t);
        final long serviceMs = state.nowMs - tickets.serviceStartMs(t);
        state.eta.record(centre.index, service, serviceMs);
        state.kpis.served(centre.index, serviceMs);
        centre.servicesCompleted++;
        w.setCurrent(TicketTable.NONE);
        w.last = t;
        c.resultTicket = tickets.number(t);
        final boolean more = tickets.hasNextService(t);
        final EngineEvent e = state.windowTicketEvent(EventType.SERVICE_COMPLETED, centre, w, t);
        e.durationMs = serviceMs;
        e.flag = more ? 1 : 0;
        state.publish();
        if (more)
        {
            tickets.nextService(t);
            tickets.setCallCount(t, 0);
            centre.enqueue(t);
        }
        else
        {
            centre.setState(t, TicketState.DONE);
        }
        return Result.OK;
    }

    Result transfer(final Command c)
    {
        final Result check = windows.checkCurrent(c, null, Result.OK);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = state.centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final TicketTable tickets = centre.tickets;
        final int t = w.current;
        final Result target = checkTransferTarget(c, centre, w, t);
        if (target != Result.OK)
        {
            return target;
        }
        w.setCurrent(TicketTable.NONE);
        if (c.targetService >= 0)
        {
            tickets.replaceCurrentService(t, c.targetService);
        }
        else
        {
            tickets.setTargetWindow(t, c.targetWindow);
        }
        tickets.setCallCount(t, 0);
        centre.enqueue(t);
        c.resultTicket = tickets.number(t);
        final EngineEvent e = state.windowTicketEvent(EventType.TRANSFERRED, centre, w, t);
        e.targetWindow = tickets.targetWindow(t);
        state.publish();
        return Result.OK;
    }

    private Result checkTransferTarget(final Command c, final CentreState centre, final WindowState w, final int t)
    {
        if ((c.targetService >= 0) == (c.targetWindow >= 0))
        {
            return Result.TRANSFER_TARGET_INVALID;
        }
        if (c.targetService >= 0)
        {
            if (c.targetService >= state.serviceCount)
            {
                return Result.UNKNOWN_SERVICE;
            }
            if (!centre.offers(c.targetService))
            {
                return Result.SERVICE_NOT_OFFERED;
            }
            for (int i = centre.tickets.step(t); i < centre.tickets.serviceCount(t); i++)
            {
                if (centre.tickets.service(t, i) == c.targetService)
                {
                    return Result.TRANSFER_TARGET_INVALID;
                }
            }
            return Result.OK;
        }
        if (!centre.hasWindow(c.targetWindow))
        {
            return Result.UNKNOWN_WINDOW;
        }
        final WindowState target = centre.windows[c.targetWindow];
        if (target == w || target.mode != WindowMode.OPEN || target.weightOf(centre.tickets.currentService(t)) == 0)
        {
            return Result.TRANSFER_TARGET_INVALID;
        }
        return Result.OK;
    }

    Result rate(final Command c)
    {
        final WindowState w = state.windowOrNull(c);
        if (w == null)
        {
            return state.windowLookupFailure(c);
        }
        if (c.score < 1 || c.score > 5)
        {
            return Result.BAD_SCORE;
        }
        final int t = w.current != TicketTable.NONE ? w.current : w.last;
        if (t == TicketTable.NONE)
        {
            return Result.NOTHING_TO_RATE;
        }
        final CentreState centre = state.centres[c.centre];
        if (centre.tickets.rating(t) != 0)
        {
            return Result.ALREADY_RATED;
        }
        centre.tickets.setRating(t, c.score);
        centre.ratingSum += c.score;
        centre.ratingCount++;
        state.kpis.rated(centre.index, c.score);
        if (w.staff >= 0)
        {
            state.staff[w.staff].ratingSum += c.score;
            state.staff[w.staff].ratingCount++;
        }
        c.resultTicket = centre.tickets.number(t);
        final EngineEvent e = state.windowTicketEvent(EventType.RATED, centre, w, t);
        e.score = c.score;
        state.publish();
        return Result.OK;
    }
}

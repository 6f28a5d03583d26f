package okno.engine.state;

import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.StaffMode;
import okno.engine.api.WindowMode;

/**
 * Engine time and its timers: before a command applies, time advances to the command's time and the timers due on
 * the way fire in time order, staff arrivals and the start of a new local day. Engine thread only; allocation
 * free.
 */
final class DayClock
{
    private final NetworkState state;
    private final StaffRoster roster;

    DayClock(final NetworkState state, final StaffRoster roster)
    {
        this.state = state;
        this.roster = roster;
    }

    /** Fires the timers due up to {@code timeMs} in order, then sets engine time to it. */
    void advanceTo(final long timeMs)
    {
        final DayCalendar calendar = state.calendar;
        while (true)
        {
            final long nextDayMs = state.day == Long.MIN_VALUE ? Long.MIN_VALUE : calendar.dayStartMs(state.day + 1);
            final long nextArrivalMs = state.nextArrivalMs;
            if (Math.min(nextDayMs, nextArrivalMs) > timeMs)
            {
                break;
            }
            if (nextDayMs <= nextArrivalMs)
            {
                startDay(calendar.epochDay(Math.min(timeMs, nextArrivalMs)));
            }
            else
            {
                roster.fireArrivals(nextArrivalMs);
            }
        }
        state.nowMs = timeMs;
    }

    /**
     * Starts a new local day in every centre: open tickets (waiting, called, serving, postponed) are cancelled
     * with a {@link EventType#TICKET_CANCELLED} event (flag 1), open windows close, staff who are not travelling
     * start the day at home, numbers restart, the dedup tables of the old day and the appointments of past days
     * are dropped; then one {@link EventType#DAY_STARTED}.
     */
    private void startDay(final long newDay)
    {
        final long dayStartMs = state.calendar.dayStartMs(newDay);
        state.nowMs = Math.max(state.nowMs, dayStartMs);
        for (final CentreState centre : state.centres)
        {
            closeCentre(centre);
            centre.startDay(dayStartMs);
        }
        for (final StaffState s : state.staff)
        {
            if (s.mode != StaffMode.TRAVELLING)
            {
                s.startDay();
            }
        }
        state.appointments.dropBefore(dayStartMs);
        state.kpis.startDay(dayStartMs);
        state.schedule.startDay(DayCalendar.dayOfWeek(newDay).getValue());
        state.balancing.balancer.startDay();
        state.day = newDay;
        state.event(EventType.DAY_STARTED);
        state.publish();
    }

    /** Cancels the centre's open tickets and closes its windows, with their events. */
    private void closeCentre(final CentreState centre)
    {
        for (int t = 0; t < centre.tickets.count(); t++)
        {
            if (centre.tickets.state(t).isOpen())
            {
                final EngineEvent e = state.ticketEvent(EventType.TICKET_CANCELLED, centre, t);
                e.flag = 1;
                state.publish();
            }
        }
        for (final WindowState w : centre.windows)
        {
            if (w.mode != WindowMode.CLOSED)
            {
                final EngineEvent e = state.event(EventType.WINDOW_CLOSED);
                e.centre = centre.index;
                e.window = w.index;
                e.staff = w.staff;
                state.publish();
                w.setMode(WindowMode.CLOSED);
                w.staff = -1;
            }
        }
        centre.openWindows = 0;
    }
}

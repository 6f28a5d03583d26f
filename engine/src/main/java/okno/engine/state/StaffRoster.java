package okno.engine.state;

import okno.config.CentreDef;
import okno.config.Geo;
import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;

import java.util.List;

/**
 * Where staff are: moves members between centres (operator assignment or balancer proposal) with a travel time
 * from the centres' distance, lands them on arrival, and puts them on or off standby. Engine thread only;
 * allocation free.
 */
final class StaffRoster
{
    private static final long HOUR_MS = 3_600_000L;

    private final NetworkState state;
    private final WindowDesk windows;
    private final int centreCount;
    private final long[] travelMs;

    StaffRoster(final NetworkState state, final WindowDesk windows, final List<CentreDef> centres,
        final int kmPerHour)
    {
        this.state = state;
        this.windows = windows;
        this.centreCount = centres.size();
        this.travelMs = travelTimes(centres, kmPerHour);
    }

    private static long[] travelTimes(final List<CentreDef> defs, final int kmPerHour)
    {
        final int n = defs.size();
        final long[] times = new long[n * n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                final double km = Geo.distanceKm(defs.get(a), defs.get(b));
                final long ms = Math.round(km / Math.max(1, kmPerHour) * HOUR_MS);
                times[a * n + b] = Math.max(DayCalendar.MINUTE_MS, ms);
            }
        }
        return times;
    }

    /** @return travel time between two centres. */
    long travelMs(final int from, final int to)
    {
        return travelMs[from * centreCount + to];
    }

    Result assign(final Command c)
    {
        if (c.staff < 0 || c.staff >= state.staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        if (state.centreOrNull(c.targetCentre) == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final StaffState s = state.staff[c.staff];
        final Result free = checkFree(s);
        if (free != Result.OK)
        {
            return free;
        }
        if (s.centre == c.targetCentre)
        {
            return Result.STAFF_ALREADY_THERE;
        }
        move(s.index, c.targetCentre, -1);
        return Result.OK;
    }

    /**
     * Sends a free staff member (see {@link #checkMovable}) on the way to another centre, closing their window
     * first when they sit idle at one; reports STAFF_MOVED with {@code flag} (a proposal id, or -1).
     */
    void move(final int member, final int target, final int flag)
    {
        final StaffState s = state.staff[member];
        if (s.mode == StaffMode.AT_WINDOW)
        {
            windows.closeIdle(state.centres[s.centre], state.centres[s.centre].windows[s.window]);
        }
        final long nowMs = state.nowMs;
        final long arrival = nowMs + travelMs(s.centre, target);
        final EngineEvent e = state.event(EventType.STAFF_MOVED);
        e.staff = s.index;
        e.centre = s.centre;
        e.targetCentre = target;
        e.arrivalMs = arrival;
        e.flag = flag;
        state.publish();
        state.kpis.moved(s.centre, target);
        state.balancing.balancer.moved(member, target, nowMs);
        s.mode = StaffMode.TRAVELLING;
        s.targetCentre = target;
        s.arrivalMs = arrival;
        state.nextArrivalMs = Math.min(state.nextArrivalMs, arrival);
    }

    /** @return OK when the staff member may be moved: off, on standby, or idle at an open window. */
    Result checkMovable(final int member)
    {
        final StaffState s = state.staff[member];
        if (s.mode == StaffMode.AT_WINDOW && state.balancing.idleAtWindow(member))
        {
            return Result.OK;
        }
        return checkFree(s);
    }

    Result setStandby(final Command c)
    {
        if (c.staff < 0 || c.staff >= state.staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        if (c.flag != 0 && c.flag != 1)
        {
            return Result.BAD_FLAG;
        }
        final StaffState s = state.staff[c.staff];
        final Result free = checkFree(s);
        if (free != Result.OK)
        {
            return free;
        }
        s.mode = c.flag == 1 ? StaffMode.STANDBY : StaffMode.OFF;
        final EngineEvent e = state.event(EventType.STAFF_STANDBY);
        e.staff = s.index;
        e.centre = s.centre;
        e.flag = c.flag;
        state.publish();
        return Result.OK;
    }

    private static Result checkFree(final StaffState s)
    {
        if (s.mode == StaffMode.TRAVELLING)
        {
            return Result.STAFF_TRAVELLING;
        }
        if (s.mode == StaffMode.AT_WINDOW || s.mode == StaffMode.BREAK)
        {
            return Result.STAFF_BUSY;
        }
        return Result.OK;
    }

    /** Lands every member whose arrival is due (STAFF_ARRIVED, on standby there) and re-arms the arrival timer. */
    void fireArrivals(final long dueMs)
    {
        state.nowMs = dueMs;
        long next = Long.MAX_VALUE;
        for (final StaffState s : state.staff)
        {
            if (s.mode == StaffMode.TRAVELLING)
            {
                if (s.arrivalMs <= dueMs)
                {
                    s.mode = StaffMode.STANDBY;
                    s.centre = s.targetCentre;
                    s.targetCentre = -1;
                    s.arrivalMs = 0;
                    final EngineEvent e = state.event(EventType.STAFF_ARRIVED);
                    e.staff = s.index;
                    e.centre = s.centre;
                    state.publish();
                }
                else
                {
                    next = Math.min(next, s.arrivalMs);
                }
            }
        }
        state.nextArrivalMs = next;
    }
}

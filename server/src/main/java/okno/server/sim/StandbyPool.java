package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.StaffMode;
import okno.engine.api.StaffView;

/**
 * The standby pool of the day (okno+balancer only): the first {@code size} members of the network's pool work
 * whole shifts on standby, paid used or not, and besides the balancer's moves help where they stand when a
 * service's tickets have waited {@link StuckLines#SUSTAIN_MS} with no free window serving them.
 */
final class StandbyPool
{
    private final EngineSlot engine;
    private final DayClock clock;
    private final Workload workload;
    private final Hall hall;
    private final Line line;
    private final WindowControl windows;
    private final Roster roster;
    private final ShiftDuty duty;
    private final ShiftRules shifts;
    private final HelperSeat seat;
    private final EventHeap heap;
    /** The pool members on duty today. */
    private final int[] members;
    private final StuckLines stuck;

    StandbyPool(final EngineSlot engine, final DayClock clock, final Workload workload, final Hall hall,
        final Line line, final WindowControl windows, final Roster roster, final ShiftDuty duty,
        final ShiftRules shifts, final HelperSeat seat, final StuckLines stuck, final EventHeap heap, final int size)
    {
        this.engine = engine;
        this.clock = clock;
        this.workload = workload;
        this.hall = hall;
        this.line = line;
        this.windows = windows;
        this.roster = roster;
        this.duty = duty;
        this.shifts = shifts;
        this.seat = seat;
        this.heap = heap;
        this.members = new int[size];
        this.stuck = stuck;
    }

    /**
     * Schedules the day's shifts: the first {@code size} members of the network's pool work whole shifts, the even
     * ones from the first opening, the odd ones ending at the last closing (the flagships' evening); the rest of
     * the pool stays off. Pool members are paid for their whole shift, used or not.
     */
    void start()
    {
        long firstOpenMs = clock.lastCloseMs;
        for (final CentreDef def : workload.network.centres())
        {
            final DayHours hours = def.hours().on(clock.weekday);
            if (hours != null)
            {
                firstOpenMs = Math.min(firstOpenMs, clock.dayStartMs + hours.openMinute() * 60_000L);
            }
        }
        final long lateStartMs = Math.max(firstOpenMs, clock.lastCloseMs - shifts.shiftMs());
        int k = 0;
        for (int m = 0; m < hall.memberWindow.length; m++)
        {
            if (roster.pool(m))
            {
                offDuty(m);
                if (k < members.length)
                {
                    members[k] = m;
                    heap.push(k % 2 == 0 ? firstOpenMs : lateStartMs, SimEvent.POOL_START, m, 0);
                }
                k++;
            }
        }
    }

    /** A pool member's shift starts: on standby at their base, paid to the end of the shift. */
    void shiftStart(final int member)
    {
        standby(member, 1);
        duty.begin(member);
        roster.leave(member, Math.min(roster.shiftEndMs(member), clock.lastCloseMs));
    }

    /** Takes a member off standby (refused while they travel: they go off duty on arrival). */
    void offDuty(final int member)
    {
        standby(member, 0);
    }

    /** Each pool member on standby at a centre helps there if a service's tickets are stuck. */
    void helpLocally()
    {
        for (final int member : members)
        {
            helpLocally(member);
        }
    }

    /**
     * A pool member on standby at a centre helps where they are: when tickets of a service have waited
     * {@link StuckLines#SUSTAIN_MS} with no free open window serving it, and the back office had nobody for it,
     * they open a closed window that serves it with their own skills (any closed window if they are trained for
     * it; see {@link HelperSeat}). The window closes again once it is free and the centre's line is empty; the
     * member is on standby there again.
     */
    private void helpLocally(final int member)
    {
        final long nowMs = clock.nowMs();
        if (hall.memberWindow[member] >= 0 || roster.over(member, nowMs)
            || roster.shiftEndMs(member) == Long.MAX_VALUE)
        {
            return;
        }
        final StaffView view = engine.state().staff(member);
        final int c = view.centre();
        if (view.mode() != StaffMode.STANDBY || line.total(c) == 0)
        {
            return;
        }
        for (int s = 0; s < hall.services; s++)
        {
            if (stuck.stuck(c, s, nowMs))
            {
                final int w = seat.forService(c, member, s);
                if (w >= 0)
                {
                    stuck.helped(c, s);
                    windows.deploy(c, w, member, nowMs);
                    return;
                }
            }
        }
    }

    private void standby(final int member, final int flag)
    {
        final Command slot = engine.command(CommandType.SET_STANDBY);
        slot.staff = member;
        slot.flag = flag;
        engine.apply();
    }
}

package okno.server.sim;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.StaffMode;

/**
 * Staff the balancer moves: on arrival a member opens a closed window that, with their own skills, serves the
 * centre's longest line (the service with the most waiting work per open window serving it, as the balancer
 * reads it; see {@link HelperSeat}) and works there at least a {@link #STINT_MS} stint; when the line is empty
 * they leave it. Regular members then travel home (the home centre re-plans at once when they leave and when they
 * return); standby pool members stay on standby where they are.
 */
final class Deployments
{
    /**
     * A member sent to another centre works there at least this long before an empty line sends them on: the
     * trip alone takes 10-30 minutes, and demand above the schedule lasts hours, not minutes.
     */
    private static final long STINT_MS = 2 * 3_600_000L;

    private final EngineSlot engine;
    private final DayClock clock;
    private final Hall hall;
    private final Line line;
    private final WindowControl windows;
    private final Roster roster;
    private final ShiftDuty duty;
    private final CentreStaffing staffing;
    private final StandbyPool pool;
    private final HelperSeat seat;
    private final EventHeap heap;

    Deployments(final EngineSlot engine, final DayClock clock, final Hall hall, final Line line,
        final WindowControl windows, final Roster roster, final ShiftDuty duty, final CentreStaffing staffing,
        final StandbyPool pool, final HelperSeat seat, final EventHeap heap)
    {
        this.engine = engine;
        this.clock = clock;
        this.hall = hall;
        this.line = line;
        this.windows = windows;
        this.roster = roster;
        this.duty = duty;
        this.staffing = staffing;
        this.pool = pool;
        this.seat = seat;
        this.heap = heap;
    }

    /** The balancer moved a member (not a trip home): their duty starts, their home re-plans without them. */
    void moved(final EngineEvent e)
    {
        if (e.flag < 0)
        {
            return;
        }
        duty.begin(e.staff);
        if (!roster.pool(e.staff) && e.centre == roster.home(e.staff))
        {
            // the home centre keeps its most needed windows open: the plan's last one closes instead
            staffing.movedOut(e.centre);
        }
    }

    /**
     * A moved staff member arrived: home again, or open a closed window serving the longest line. The engine
     * lands a member on standby and reported it while applying a command; the balancer may have sent them on
     * before this runs (a tick evaluates right after the landings it fires): then the arrival only counts (pay,
     * a regular member back home) and their next arrival decides.
     */
    void arrived(final int member, final int c)
    {
        final long nowMs = clock.nowMs();
        roster.leave(member, nowMs);
        final boolean backHome = c == roster.home(member) && !roster.pool(member);
        if (backHome)
        {
            staffing.movedBack(c);
        }
        if (hall.memberWindow[member] >= 0 || engine.state().staff(member).mode() == StaffMode.TRAVELLING)
        {
            // a pool member who arrived in a tick already took a window there to help locally, or the member is
            // on the way again
            return;
        }
        if (backHome)
        {
            // back in the back office: off standby, so the balancer does not send them away again
            pool.offDuty(member);
            duty.backOffice(member);
            staffing.replan(c);
            return;
        }
        if (c == roster.home(member))
        {
            return;
        }
        final int best = seat.forLongestLine(c, member);
        if (best >= 0 && !roster.over(member, nowMs))
        {
            windows.deploy(c, best, member, nowMs + STINT_MS);
            heap.push(nowMs + STINT_MS, SimEvent.STINT_END, hall.windowBase[c] + best, member);
        }
        else
        {
            sendHome(member);
        }
    }

    /** A deployed member's stint is over: they leave now if their window is free and the line empty. */
    void stintEnd(final int i, final int member)
    {
        if (hall.deployed[i] && hall.windowStaff[i] == member && hall.mode[i] == Hall.IDLE
            && line.total(hall.centreOf(i)) == 0)
        {
            windows.close(i);
        }
    }

    /**
     * A moved member whose work away is done travels home (the trip is part of their duty); a standby pool member
     * stays on standby where they are (the balancer sends them on). After their shift or the last closing either
     * goes off duty where they are, so the balancer no longer counts on them.
     */
    void sendHome(final int member)
    {
        final long nowMs = clock.nowMs();
        if (roster.over(member, nowMs) || nowMs >= clock.lastCloseMs)
        {
            pool.offDuty(member);
            return;
        }
        if (roster.pool(member))
        {
            return;
        }
        final Command slot = engine.command(CommandType.ASSIGN_STAFF);
        slot.staff = member;
        slot.targetCentre = roster.home(member);
        engine.apply();
    }
}

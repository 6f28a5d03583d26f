package okno.server.sim;

import okno.engine.api.Command;
import okno.engine.api.CommandType;

/**
 * Breaks and shift ends at a window ({@link ShiftRules}): a colleague from the back office relieves the member for
 * the break (so the window's skills stay available) or the window pauses; back from the break the member takes
 * the window back; at the end of the shift a colleague takes it over if the plan still wants it.
 */
final class Relief
{
    private final EngineSlot engine;
    private final DayClock clock;
    private final Hall hall;
    private final WindowControl windows;
    private final Roster roster;
    private final ShiftDuty duty;
    private final ShiftRules shifts;
    private final EventHeap heap;
    /** The member is on break away from their window, which a colleague keeps. */
    private final boolean[] onBreak;

    Relief(final EngineSlot engine, final DayClock clock, final Hall hall, final WindowControl windows,
        final Roster roster, final ShiftDuty duty, final ShiftRules shifts, final EventHeap heap)
    {
        this.engine = engine;
        this.clock = clock;
        this.hall = hall;
        this.windows = windows;
        this.roster = roster;
        this.duty = duty;
        this.shifts = shifts;
        this.heap = heap;
        this.onBreak = new boolean[hall.memberWindow.length];
    }

    /**
     * The window's member goes on break: a colleague from the back office takes the window over for the break,
     * or, with nobody free (or away from home), the window pauses.
     */
    void startBreak(final int i)
    {
        final int c = hall.centreOf(i);
        final int member = hall.windowStaff[i];
        final long nowMs = clock.nowMs();
        hall.breakDue[i] = false;
        heap.push(nowMs + shifts.breakMs(), SimEvent.BREAK_END, i, member);
        final int relief = hall.deployed[i] ? -1 : roster.take(c, i, nowMs);
        if (relief >= 0)
        {
            windows.closeForBreak(i);
            onBreak[member] = true;
            windows.open(c, i - hall.windowBase[c], relief);
            return;
        }
        final Command slot = engine.command(CommandType.BREAK_WINDOW);
        slot.centre = c;
        slot.window = i - hall.windowBase[c];
        engine.apply();
        hall.mode[i] = Hall.ON_BREAK;
    }

    /** A break is over: the paused window reopens, or the member takes their window back from the relief. */
    void breakEnd(final int i, final int member)
    {
        final long nowMs = clock.nowMs();
        if (hall.mode[i] == Hall.ON_BREAK && hall.windowStaff[i] == member)
        {
            if (roster.over(member, nowMs) || hall.closing[i] || (!hall.wanted[i] && !hall.deployed[i]))
            {
                handOver(i);
                return;
            }
            final int c = hall.centreOf(i);
            final Command slot = engine.command(CommandType.OPEN_WINDOW);
            slot.centre = c;
            slot.window = i - hall.windowBase[c];
            slot.staff = member;
            engine.apply();
            windows.busy(i);
            return;
        }
        if (!onBreak[member])
        {
            return;
        }
        onBreak[member] = false;
        if (hall.mode[i] == Hall.CLOSED || hall.returning[i] >= 0 || roster.over(member, nowMs))
        {
            duty.backOffice(member);
            return;
        }
        hall.returning[i] = member;
        if (hall.mode[i] == Hall.IDLE)
        {
            giveBack(i);
        }
    }

    /** The relief leaves the window to the member back from break (or both go if the plan dropped it). */
    void giveBack(final int i)
    {
        final int member = hall.returning[i];
        hall.returning[i] = -1;
        final boolean keep = hall.wanted[i] && !hall.closing[i];
        final int c = hall.centreOf(i);
        windows.close(i);
        if (keep)
        {
            windows.open(c, i - hall.windowBase[c], member);
        }
        else
        {
            duty.backOffice(member);
        }
    }

    /** The window's member leaves; a colleague from the back office takes over if the plan still wants it. */
    void handOver(final int i)
    {
        final boolean keep = hall.wanted[i] && !hall.closing[i] && !hall.deployed[i];
        final int c = hall.centreOf(i);
        windows.close(i);
        if (keep)
        {
            final int member = roster.take(c, i, clock.nowMs());
            if (member >= 0)
            {
                windows.open(c, i - hall.windowBase[c], member);
            }
        }
    }
}

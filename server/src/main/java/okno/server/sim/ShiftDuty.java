package okno.server.sim;

/**
 * Members going on and off duty: a new shift gets its breaks and its end scheduled; a member without a window
 * goes to the back office, or home once their shift is over.
 */
final class ShiftDuty
{
    private final Roster roster;
    private final ShiftRules shifts;
    private final EventHeap heap;
    private final DayClock clock;

    ShiftDuty(final Roster roster, final ShiftRules shifts, final EventHeap heap, final DayClock clock)
    {
        this.roster = roster;
        this.shifts = shifts;
        this.heap = heap;
        this.clock = clock;
    }

    /** A member goes on duty; a new shift gets its breaks and its end. */
    void begin(final int member)
    {
        final long nowMs = clock.nowMs();
        if (!roster.begin(member, nowMs))
        {
            return;
        }
        final long end = roster.shiftEndMs(member);
        if (end < clock.dayEndMs)
        {
            heap.push(end, SimEvent.SHIFT_END, member, 0);
        }
        for (int k = 0; shifts.breakOffsetMs(member, k) >= 0; k++)
        {
            final long at = nowMs + shifts.breakOffsetMs(member, k);
            if (at >= clock.dayEndMs)
            {
                break;
            }
            heap.push(at, SimEvent.BREAK, member, k);
        }
    }

    /** A member at home without a window: to the back office, or home when their shift is over. */
    void backOffice(final int member)
    {
        final long nowMs = clock.nowMs();
        if (roster.over(member, nowMs))
        {
            roster.leave(member, Math.min(nowMs, roster.shiftEndMs(member)));
        }
        else
        {
            roster.release(member, nowMs);
        }
    }
}

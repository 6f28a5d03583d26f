package okno.server.sim;

import java.util.Arrays;

/**
 * Each centre's manager: at each hour opens the windows of its {@link StaffingPlan} with members of its back
 * office and closes the windows the plan no longer wants (after their visitor), counting members moved away
 * against the plan; after closing time lets the windows drain the line; rescues tickets of a service that no
 * open window serves; and with okno's line waits (okno+balancer) answers a stuck line from the back office.
 */
final class CentreStaffing
{
    private final DayClock clock;
    private final Hall hall;
    private final Line line;
    private final WindowControl windows;
    private final Roster roster;
    private final StaffingPlan plan;
    private final EventHeap heap;
    private final HelperSeat seat;
    /** Set when the centre's manager answers stuck lines from the back office (okno+balancer), else null. */
    private final StuckLines stuck;
    /** Regular members of each centre moved elsewhere by the balancer and not back yet. */
    private final int[] movedOut;
    private final int[] planHour;
    private final boolean[] draining;

    CentreStaffing(final DayClock clock, final Hall hall, final Line line, final WindowControl windows,
        final Roster roster, final StaffingPlan plan, final EventHeap heap, final HelperSeat seat,
        final StuckLines stuck)
    {
        this.clock = clock;
        this.hall = hall;
        this.line = line;
        this.windows = windows;
        this.roster = roster;
        this.plan = plan;
        this.heap = heap;
        this.seat = seat;
        this.stuck = stuck;
        movedOut = new int[hall.centres];
        planHour = new int[hall.centres];
        draining = new boolean[hall.centres];
    }

    /** The centre staffs the plan of the hour (the current hour again when {@code hour} is the same). */
    void plan(final int c, final int hour)
    {
        planHour[c] = hour;
        final int planned = plan.size(c, hour);
        final int from = hall.windowBase[c];
        final int to = from + hall.windowCount[c];
        if (planned == 0)
        {
            draining[c] = hall.open[c] > 0 || draining[c];
            Arrays.fill(hall.wanted, from, to, false);
            if (line.total(c) == 0)
            {
                windows.closeIdle(c);
            }
            return;
        }
        draining[c] = false;
        final int target = Math.max(1, planned - movedOut[c]);
        Arrays.fill(hall.wanted, from, to, false);
        for (int k = 0; k < target; k++)
        {
            final int w = plan.window(c, hour, k);
            final int i = from + w;
            hall.wanted[i] = true;
            if (hall.mode[i] == Hall.CLOSED)
            {
                final int member = roster.take(c, i, clock.nowMs());
                if (member >= 0)
                {
                    windows.open(c, w, member);
                }
            }
            else
            {
                hall.closing[i] = false;
                // a window opened for a stuck line by the centre's own member is the plan's from now on
                final int member = hall.windowStaff[i];
                hall.deployed[i] &= member < 0 || roster.pool(member) || roster.home(member) != c;
            }
        }
        for (int i = from; i < to; i++)
        {
            if (hall.mode[i] != Hall.CLOSED && !hall.deployed[i] && !hall.wanted[i])
            {
                windows.closeSoon(i);
            }
        }
    }

    /** @return whether the centre is past its hours and its windows close once the line is empty. */
    boolean draining(final int c)
    {
        return draining[c];
    }

    /** A regular member of the centre was moved away: the plan's last window closes instead of a needed one. */
    void movedOut(final int c)
    {
        movedOut[c]++;
        heap.push(clock.nowMs(), SimEvent.PLAN, c, planHour[c]);
    }

    /** A regular member of the centre is back in its back office. */
    void movedBack(final int c)
    {
        movedOut[c]--;
    }

    /** The centre re-plans the current hour at once. */
    void replan(final int c)
    {
        plan(c, planHour[c]);
    }

    /**
     * Tickets wait for a service that no window open at the centre serves (the plan closed the last one, or its
     * member left): the centre manager opens a closed window that serves it with a member of the back office. It
     * closes again when the plan of a later hour does not want it.
     */
    void rescue(final int c)
    {
        for (int s = 0; s < hall.services; s++)
        {
            if (line.waiting(c, s) == 0 || hall.openServes(c, s))
            {
                continue;
            }
            final int w = hall.closedServing(c, s);
            if (w >= 0)
            {
                final int member = roster.take(c, hall.windowBase[c] + w, clock.nowMs());
                if (member >= 0)
                {
                    windows.open(c, w, member);
                }
            }
        }
    }

    /**
     * okno+balancer: a service of the centre stuck for {@link StuckLines#SUSTAIN_MS} (its tickets wait and no free
     * window serves it) gets a closed window that serves it, opened by a back-office member already on shift, who
     * costs no more pay; it closes again once it is free and the centre's line is empty. The manager reads the
     * same line waits the balancer reads and answers locally first, with no travel; the standby pool and the
     * balancer's moves come after. The hourly plan stays the staffing decision: nobody fresh is called in for a
     * stuck line (though a later hour's plan may then call someone in, the lent member not being in the back
     * office).
     */
    void answerStuckLines(final int c)
    {
        if (stuck == null)
        {
            return;
        }
        final long nowMs = clock.nowMs();
        for (int s = 0; s < hall.services; s++)
        {
            if (stuck.stuck(c, s, nowMs))
            {
                openFromBackOffice(c, s, nowMs);
            }
        }
    }

    private void openFromBackOffice(final int c, final int s, final long nowMs)
    {
        for (int k = 0; k < roster.freeCount(c); k++)
        {
            final int member = roster.free(c, k);
            final int w = roster.onShift(member, nowMs) ? seat.forService(c, member, s) : -1;
            if (w >= 0)
            {
                roster.takeFree(c, k);
                stuck.helped(c, s);
                windows.deploy(c, w, member, nowMs);
                return;
            }
        }
        swapIntoIdleWindow(c, s, nowMs);
    }

    /**
     * No closed window serves the stuck line with anyone of the back office (every window may be open): a member
     * on shift in the back office trained for it takes over an idle window of the centre's own staff, whose member
     * goes to the back office. Skills follow the person, so the window serves the line from now on besides its
     * desk's (idle: nothing of those waits); it stays the plan's window.
     */
    private void swapIntoIdleWindow(final int c, final int s, final long nowMs)
    {
        for (int k = 0; k < roster.freeCount(c); k++)
        {
            final int member = roster.free(c, k);
            if (!roster.onShift(member, nowMs) || !hall.trained(member, s))
            {
                continue;
            }
            for (int w = 0; w < hall.windowCount[c]; w++)
            {
                final int i = hall.windowBase[c] + w;
                final int sitting = hall.windowStaff[i];
                if (hall.mode[i] == Hall.IDLE && !hall.deployed[i] && hall.returning[i] < 0 && sitting >= 0
                    && !roster.pool(sitting) && roster.home(sitting) == c)
                {
                    roster.takeFree(c, k);
                    stuck.helped(c, s);
                    windows.close(i);
                    windows.open(c, w, member);
                    return;
                }
            }
        }
    }
}

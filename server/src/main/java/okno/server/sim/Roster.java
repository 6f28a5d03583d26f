package okno.server.sim;

import okno.config.DayHours;
import okno.config.StaffDef;

import java.util.Arrays;
import java.util.List;

/**
 * The staff of one simulated day under {@link ShiftRules}: who waits in each centre's back office to take a
 * window, when each member's shift started and when they last left duty.
 *
 * <p><b>Pay: one rule for everyone.</b> A member who goes on duty is paid their scheduled shift ({@link #paidMs}):
 * from its start (a centre member's first window or trip, a pool member's shift start) to its scheduled end,
 * {@code shiftMs} later but cut at the closing of their home centre (the pool's: the network's last closing), or
 * to the last time they left a window or arrived from a trip if that is later (draining the line after closing).
 * Back-office and standby time inside the shift is paid, used or not, the same for centre staff and the pool: a
 * rota pays shifts, not windows. So the back office prefers members already on shift (they cost nothing more)
 * to a fresh one (a whole shift more).
 */
final class Roster
{
    private static final long NEVER = -1;
    /** A member taken for a window should have at least this much of their shift left. */
    private static final long MIN_LEFT_MS = 3_600_000L;
    /** A member on shift who left a window this recently is taken before a fresh one. */
    private static final long JUST_LEFT_MS = 60_000L;
    /**
     * A member not trained for all of a desk's services is taken only if they cost this much less than one who is:
     * the manager seats people where they can serve every line of the desk, but not at the price of a fresh shift.
     */
    private static final long NOT_COVERING_MS = 60_000L;

    private final ShiftRules rules;
    private final Hall hall;
    /** Scheduled end of each member's pay if their shift were not shorter: their home's closing, or the last. */
    private final long[] closeMs;
    private final int[] home;
    private final boolean[] pool;
    private final long[] startMs;
    private final long[] leftMs;
    /** Free regular members of centre c at {@code free[offset[c]] .. free[offset[c] + count[c] - 1]}. */
    private final int[] free;
    private final int[] offset;
    private final int[] count;

    Roster(final Workload workload, final ShiftRules rules, final DayClock clock, final Hall hall)
    {
        this.rules = rules;
        this.hall = hall;
        final List<StaffDef> defs = workload.network.staff();
        final int centres = workload.network.centres().size();
        final long[] centreCloseMs = new long[centres];
        for (int c = 0; c < centres; c++)
        {
            final DayHours hours = workload.network.centres().get(c).hours().on(clock.weekday);
            centreCloseMs[c] = hours == null ? clock.dayStartMs : clock.dayStartMs + hours.closeMinute() * 60_000L;
        }
        closeMs = new long[defs.size()];
        home = new int[defs.size()];
        pool = new boolean[defs.size()];
        startMs = new long[defs.size()];
        leftMs = new long[defs.size()];
        Arrays.fill(startMs, NEVER);
        offset = new int[centres + 1];
        count = new int[centres];
        for (int m = 0; m < defs.size(); m++)
        {
            home[m] = workload.index.centre(defs.get(m).homeCentre());
            pool[m] = defs.get(m).standby();
            closeMs[m] = pool[m] ? clock.lastCloseMs : centreCloseMs[home[m]];
            if (!pool[m])
            {
                offset[home[m] + 1]++;
            }
        }
        for (int c = 0; c < centres; c++)
        {
            offset[c + 1] += offset[c];
        }
        free = new int[offset[centres]];
        for (int m = 0; m < defs.size(); m++)
        {
            if (!pool[m])
            {
                free[offset[home[m]] + count[home[m]]++] = m;
            }
        }
    }

    /** @return the member's home centre. */
    int home(final int member)
    {
        return home[member];
    }

    /** @return whether the member belongs to the standby pool. */
    boolean pool(final int member)
    {
        return pool[member];
    }

    /**
     * Takes a free member of a centre for window {@code window} (network index), the one that adds the least paid
     * time: a member on shift with an hour of it left (already paid; the one who just left a window or whose pay
     * ends soonest first), else one who has not worked yet (a whole shift more), else anyone on shift (if nobody
     * else can come). Within that, a member trained for every service of the desk comes first: another one would
     * leave some of the desk's lines to someone who cannot serve them. (Skills follow the person: whoever sits
     * there also brings the rest of their training to the desk.)
     * @return the member, or -1 when nobody can come
     */
    int take(final int centre, final int window, final long nowMs)
    {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        int any = -1;
        for (int k = offset[centre]; k < offset[centre] + count[centre]; k++)
        {
            final int m = free[k];
            final long left = shiftEndMs(m) - nowMs;
            if (left > 0 && any < 0)
            {
                any = k;
            }
            // a fresh member costs a shift; a member on shift costs the time past their paid end, if any
            final long cost = startMs[m] == NEVER ? JUST_LEFT_MS + Math.max(0, Math.min(rules.shiftMs(),
                closeMs[m] - nowMs)) : left >= Math.min(MIN_LEFT_MS, rules.shiftMs())
                ? Math.max(0, nowMs - paidUntilMs(m)) + Math.min(JUST_LEFT_MS, nowMs - leftMs[m]) : Long.MAX_VALUE;
            final long ranked = cost == Long.MAX_VALUE || hall.covers(window, m) ? cost : cost + NOT_COVERING_MS;
            if (ranked < bestCost)
            {
                best = k;
                bestCost = ranked;
            }
        }
        final int k = best >= 0 ? best : any;
        if (k < 0)
        {
            return -1;
        }
        final int m = free[k];
        takeFree(centre, k - offset[centre]);
        return m;
    }

    /** @return free regular members in the centre's back office. */
    int freeCount(final int centre)
    {
        return count[centre];
    }

    /** @return the {@code k}-th free member of the centre's back office (order changes as members are taken). */
    int free(final int centre, final int k)
    {
        return free[offset[centre] + k];
    }

    /** Takes the {@code k}-th free member of the centre's back office. */
    void takeFree(final int centre, final int k)
    {
        free[offset[centre] + k] = free[offset[centre] + --count[centre]];
    }

    /** @return whether the member is on shift with an hour of it left: a window costs them no more pay. */
    boolean onShift(final int member, final long nowMs)
    {
        return startMs[member] != NEVER && shiftEndMs(member) - nowMs >= Math.min(MIN_LEFT_MS, rules.shiftMs());
    }

    /** A regular member is back in their home centre's back office. */
    void release(final int member, final long nowMs)
    {
        leave(member, nowMs);
        free[offset[home[member]] + count[home[member]]++] = member;
    }

    /** The member goes on duty (a window or a trip). @return whether this starts their shift */
    boolean begin(final int member, final long nowMs)
    {
        if (startMs[member] != NEVER)
        {
            return false;
        }
        startMs[member] = nowMs;
        leftMs[member] = nowMs;
        return true;
    }

    /** The member left a window or arrived from a trip: paid at least until now. */
    void leave(final int member, final long nowMs)
    {
        leftMs[member] = Math.max(leftMs[member], nowMs);
    }

    /** @return end of the member's shift (far future before it starts). */
    long shiftEndMs(final int member)
    {
        return startMs[member] == NEVER ? Long.MAX_VALUE : startMs[member] + rules.shiftMs();
    }

    /** @return whether the member's shift is over. */
    boolean over(final int member, final long nowMs)
    {
        return nowMs >= shiftEndMs(member);
    }

    /** @return end of a member's pay: their scheduled shift end, or their last duty when later. */
    private long paidUntilMs(final int member)
    {
        return Math.max(leftMs[member], Math.min(shiftEndMs(member), closeMs[member]));
    }

    /** @return paid staff time of the day of the standby pool or of the centres' own staff, ms (see the class). */
    long paidMs(final boolean ofPool)
    {
        long sum = 0;
        for (int m = 0; m < startMs.length; m++)
        {
            if (startMs[m] != NEVER && pool[m] == ofPool)
            {
                sum += paidUntilMs(m) - startMs[m];
            }
        }
        return sum;
    }
}

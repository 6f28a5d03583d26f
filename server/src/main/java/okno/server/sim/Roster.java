package okno.server.sim;

import okno.config.StaffDef;

import java.util.Arrays;
import java.util.List;

/**
 * The staff of one simulated day under {@link ShiftRules}: who waits in each centre's back office to take a
 * window, when each member's shift started and when they last left duty. A member is paid from the start of
 * their shift to the last time they left a window or arrived from a trip ({@link #paidMs}), so back-office time
 * between two windows counts, and the time after their last window does not (they go home).
 */
final class Roster
{
    private static final long NEVER = -1;
    /** A member taken for a window should have at least this much of their shift left. */
    private static final long MIN_LEFT_MS = 3_600_000L;
    /** A member on shift who left a window this recently is taken before a fresh one. */
    private static final long JUST_LEFT_MS = 60_000L;

    private final ShiftRules rules;
    private final int[] home;
    private final boolean[] pool;
    private final long[] startMs;
    private final long[] leftMs;
    /** Free regular members of centre c at {@code free[offset[c]] .. free[offset[c] + count[c] - 1]}. */
    private final int[] free;
    private final int[] offset;
    private final int[] count;

    Roster(final Workload workload, final ShiftRules rules)
    {
        this.rules = rules;
        final List<StaffDef> defs = workload.network.staff();
        final int centres = workload.network.centres().size();
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
     * Takes a free member of a centre for a window, the one that adds the least paid time: a member on shift who
     * just left a window (no gap), else one who has not worked yet, else the member on shift with the shortest
     * gap since their last window; members on shift need an hour of it left (or any, if nobody else can come).
     * @return the member, or -1 when nobody can come
     */
    int take(final int centre, final long nowMs)
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
            // a fresh member costs nothing yet; a member on shift costs the gap since their last window
            final long cost = startMs[m] == NEVER ? JUST_LEFT_MS : left >= Math.min(MIN_LEFT_MS, rules.shiftMs())
                ? nowMs - leftMs[m] : Long.MAX_VALUE;
            if (cost < bestCost)
            {
                best = k;
                bestCost = cost;
            }
        }
        final int k = best >= 0 ? best : any;
        if (k < 0)
        {
            return -1;
        }
        final int m = free[k];
        free[k] = free[offset[centre] + --count[centre]];
        return m;
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

    /** @return paid staff time of the day so far of the standby pool or of the centres' own staff, ms. */
    long paidMs(final boolean ofPool)
    {
        long sum = 0;
        for (int m = 0; m < startMs.length; m++)
        {
            if (startMs[m] != NEVER && pool[m] == ofPool)
            {
                sum += leftMs[m] - startMs[m];
            }
        }
        return sum;
    }
}

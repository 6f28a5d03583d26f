package okno.server.sim;

import okno.config.CentreDef;

import java.util.Arrays;
import java.util.List;

/**
 * The windows of every centre as the simulator sees them: their layout and skills (network index
 * {@code windowBase[c] + w}), what each window is doing, who sits at it and what is due there, and the window each
 * member sits at.
 */
final class Hall
{
    static final int CLOSED = 0;
    static final int IDLE = 1;
    static final int BUSY = 2;
    static final int ON_BREAK = 3;

    final int centres;
    final int services;
    final int[] windowBase;
    final int[] windowCount;
    final int[][] skills;
    private final boolean[] skill;
    final int[] mode;
    final boolean[] closing;
    final boolean[] deployed;
    /** A deployed window's member may leave once the line is empty after this time. */
    final long[] stintEndMs;
    final int[] windowStaff;
    /** Window (network index) each member sits at, or -1. */
    final int[] memberWindow;
    /** The plan of the current hour wants the window open. */
    final boolean[] wanted;
    /** Member on break who takes the window back from their relief once it is free, or -1. */
    final int[] returning;
    /** The window's member takes their break (or ends their shift) once the visitor is done. */
    final boolean[] breakDue;
    final boolean[] shiftDue;
    /** The visitor at the window, or -1. */
    final int[] current;
    /** Calls of the window's current visitor so far. */
    final int[] calls;
    /** Open windows per centre. */
    final int[] open;
    int busyWindows;

    Hall(final Workload workload)
    {
        final List<CentreDef> defs = workload.network.centres();
        centres = defs.size();
        services = workload.network.services().size();
        windowBase = new int[centres];
        windowCount = new int[centres];
        int total = 0;
        for (int c = 0; c < centres; c++)
        {
            windowBase[c] = total;
            windowCount[c] = defs.get(c).windows().size();
            total += windowCount[c];
        }
        skills = new int[total][];
        skill = new boolean[total * services];
        for (int c = 0; c < centres; c++)
        {
            for (int w = 0; w < windowCount[c]; w++)
            {
                final int[] list = defs.get(c).windows().get(w).skills().keySet().stream()
                    .mapToInt(workload.index::service).toArray();
                skills[windowBase[c] + w] = list;
                for (final int s : list)
                {
                    skill[(windowBase[c] + w) * services + s] = true;
                }
            }
        }
        mode = new int[total];
        closing = new boolean[total];
        deployed = new boolean[total];
        stintEndMs = new long[total];
        windowStaff = new int[total];
        current = new int[total];
        calls = new int[total];
        Arrays.fill(current, -1);
        memberWindow = new int[workload.network.staff().size()];
        Arrays.fill(memberWindow, -1);
        wanted = new boolean[total];
        returning = new int[total];
        Arrays.fill(returning, -1);
        breakDue = new boolean[total];
        shiftDue = new boolean[total];
        open = new int[centres];
    }

    /** @return whether window {@code i} (network index) serves the service. */
    boolean serves(final int i, final int service)
    {
        return skill[i * services + service];
    }

    /** @return the centre of window {@code i} (network index). */
    int centreOf(final int i)
    {
        int lo = 0;
        int hi = centres - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi + 1) >>> 1;
            if (windowBase[mid] <= i)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** @return whether an open window of the centre that serves the service is free. */
    boolean freeServes(final int c, final int s)
    {
        return first(c, s, IDLE) >= 0;
    }

    /** @return whether an open window of the centre serves the service. */
    boolean openServes(final int c, final int s)
    {
        return openServing(c, s) > 0;
    }

    /** @return open windows of the centre (on break included) that serve the service. */
    int openServing(final int c, final int s)
    {
        int n = 0;
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED && serves(i, s))
            {
                n++;
            }
        }
        return n;
    }

    /** @return the first closed window (centre index) of the centre that serves the service, or -1. */
    int closedServing(final int c, final int s)
    {
        return first(c, s, CLOSED);
    }

    private int first(final int c, final int s, final int inMode)
    {
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] == inMode && serves(i, s))
            {
                return w;
            }
        }
        return -1;
    }
}

package okno.server.sim;

import okno.config.CentreDef;
import okno.config.StaffDef;

import java.util.Arrays;
import java.util.List;

/**
 * The windows of every centre as the simulator sees them: their layout and skills (network index
 * {@code windowBase[c] + w}), what each window is doing, who sits at it and what is due there, and the window each
 * member sits at.
 *
 * <p><b>Skills follow the person</b>, as in the engine: a staffed window (open or on break) serves its desk's
 * configured services plus every service its member is trained for ({@link StaffDef#skills()}); when the member
 * leaves, their extra services go with them. {@link #serves} is that effective set, kept in step by
 * {@link #take} and {@link #leave}; {@link #deskServes} is the configuration alone.
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
    /** Per window and service: the window's desk is configured for it. */
    private final boolean[] deskSkill;
    /** Services each member is trained for. */
    private final int[][] memberSkills;
    private final boolean[] trainedSkill;
    /** Effective skills: the desk's and those of the member seated there. */
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
        deskSkill = new boolean[total * services];
        for (int c = 0; c < centres; c++)
        {
            for (int w = 0; w < windowCount[c]; w++)
            {
                final int i = windowBase[c] + w;
                for (final String id : defs.get(c).windows().get(w).skills().keySet())
                {
                    deskSkill[i * services + workload.index.service(id)] = true;
                }
            }
        }
        skill = deskSkill.clone();
        final List<StaffDef> staff = workload.network.staff();
        memberSkills = new int[staff.size()][];
        trainedSkill = new boolean[staff.size() * services];
        for (int m = 0; m < staff.size(); m++)
        {
            memberSkills[m] = staff.get(m).skills().stream().mapToInt(workload.index::service).filter(s -> s >= 0)
                .distinct().toArray();
            for (final int s : memberSkills[m])
            {
                trainedSkill[m * services + s] = true;
            }
        }
        mode = new int[total];
        closing = new boolean[total];
        deployed = new boolean[total];
        stintEndMs = new long[total];
        windowStaff = new int[total];
        Arrays.fill(windowStaff, -1);
        current = new int[total];
        calls = new int[total];
        Arrays.fill(current, -1);
        memberWindow = new int[staff.size()];
        Arrays.fill(memberWindow, -1);
        wanted = new boolean[total];
        returning = new int[total];
        Arrays.fill(returning, -1);
        breakDue = new boolean[total];
        shiftDue = new boolean[total];
        open = new int[centres];
    }

    /** @return whether window {@code i} (network index) serves the service: its desk's or its member's. */
    boolean serves(final int i, final int service)
    {
        return skill[i * services + service];
    }

    /** @return whether window {@code i}'s desk is configured for the service. */
    boolean deskServes(final int i, final int service)
    {
        return deskSkill[i * services + service];
    }

    /** @return whether the member is trained for the service. */
    boolean trained(final int member, final int service)
    {
        return trainedSkill[member * services + service];
    }

    /** @return whether window {@code i} would serve the service with the member seated there. */
    boolean servesWith(final int i, final int member, final int service)
    {
        return deskServes(i, service) || trained(member, service);
    }

    /** @return whether the member is trained for every service of window {@code i}'s desk: they can sit there. */
    boolean covers(final int i, final int member)
    {
        for (int s = 0; s < services; s++)
        {
            if (deskServes(i, s) && !trained(member, s))
            {
                return false;
            }
        }
        return true;
    }

    /** The member sits down at window {@code i}: it serves their services too. */
    void take(final int i, final int member)
    {
        windowStaff[i] = member;
        memberWindow[member] = i;
        for (final int s : memberSkills[member])
        {
            skill[i * services + s] = true;
        }
    }

    /** The window's member (if any) leaves: their services not on the desk go with them. */
    void leave(final int i)
    {
        final int member = windowStaff[i];
        if (member < 0)
        {
            return;
        }
        windowStaff[i] = -1;
        memberWindow[member] = -1;
        for (final int s : memberSkills[member])
        {
            skill[i * services + s] = deskSkill[i * services + s];
        }
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

package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.api.StaffView;
import okno.engine.balancer.BalancerMode;
import okno.engine.kpi.CentreKpi;
import okno.engine.state.NetworkState;
import org.agrona.collections.Int2IntHashMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one local day of a {@link Workload} through the real state machine in virtual time: every visitor,
 * window and staff action is a {@link Command} applied to {@link NetworkState#apply} with one reused slot,
 * and the simulator reacts to the engine's events (a called visitor walks up or does not come, a completed
 * multi-service visit queues again, a moved staff member opens a window on arrival).
 *
 * <p><b>Staffing.</b> At each hour a centre opens the windows of its {@link StaffingPlan} (demand-aware: the
 * windows whose skills cover each service group's expected load with square-root margin) with members from its
 * back office ({@link Roster}: members already on shift first), and closes the windows the plan no longer
 * wants (after their visitor). Members moved away by the balancer count against their home's plan. After
 * closing time windows serve the remaining line and close when nothing is left to call.
 *
 * <p><b>Shifts and breaks</b> ({@link ShiftRules}). A member's shift starts at their first window; at its end
 * they leave after their visitor and a colleague takes the window over if the plan still wants it. In each
 * block of the shift they take one break when their window is free: a colleague from the back office takes the
 * window over for the break (so the window's skills stay available), or the window pauses when nobody is free.
 *
 * <p><b>Moves.</b> Staff moved by the balancer open, on arrival, the closed window whose services have the most
 * waiting tickets and work there at least a two-hour stint; then, when the centre's line is empty (or the
 * member's shift ends) they close it. Regular members travel home (the return trips are counted apart from the
 * balancer's moves) and rejoin the back office; the home centre re-plans at once when a member leaves or returns,
 * so the windows it keeps are its most needed ones. Standby pool members stay on standby where they are.
 *
 * <p><b>Standby pool</b> (okno+balancer only). The first {@code pool} members of the network's pool work whole
 * shifts and are paid for them, used or not: half from the first opening, half until the last closing. Besides
 * the balancer's moves, a pool member on standby at a centre helps there when a service's tickets have waited
 * three minutes with no free window serving them.
 *
 * <p><b>Rescue.</b> Tickets of a service that no open window serves (the plan closed the last one) get a window
 * from the back office within a minute; visitors still waiting at the end of the day count as waits over the
 * promise.
 *
 * <p><b>Visitors.</b> Walk to the window in 30 s; no-shows are recalled each minute up to the network's call
 * limit, then recorded as such; appointments are booked at the start of the day and checked in on arrival.
 * Single-threaded and deterministic.
 */
final class DaySimulation implements EventListener
{
    /**
     * Which day of the run this is and what it brings.
     *
     * @param seed     the run's seed (visitors)
     * @param index    day index in the run
     * @param last     the run's last day (queue samples)
     * @param surprise the day's demand against the schedule
     * @param pool     standby pool members on duty
     */
    record Day(long seed, int index, boolean last, DemandSurprise surprise, int pool)
    {
    }

    private static final int ARRIVE = 1;
    private static final int START = 2;
    private static final int COMPLETE = 3;
    private static final int RECALL = 4;
    private static final int PLAN = 5;
    private static final int TICK = 6;
    private static final int SAMPLE = 7;
    private static final int WAKE = 8;
    private static final int DEPLOY = 9;
    private static final int BREAK = 10;
    private static final int BREAK_END = 11;
    private static final int SHIFT_END = 12;
    private static final int SEND_HOME = 13;
    private static final int POOL_START = 14;
    private static final int STINT_END = 15;

    private static final int CLOSED = 0;
    private static final int IDLE = 1;
    private static final int BUSY = 2;
    private static final int ON_BREAK = 3;
    private static final long RECALL_MS = 60_000L;
    private static final long TICK_MS = 60_000L;
    private static final long SAMPLE_MS = 15 * 60_000L;
    /**
     * A member sent to another centre works there at least this long before an empty line sends them on: the
     * trip alone takes 10-30 minutes, and demand above the schedule lasts hours, not minutes.
     */
    private static final long STINT_MS = 2 * 3_600_000L;
    /** A service whose tickets wait this long with no free window serving them calls for a present pool member. */
    private static final long LOCAL_SUSTAIN_MS = 3 * 60_000L;
    /** The simulated day stops a minute before midnight, when the engine would start the next one. */
    private static final long DAY_END_MS = 24 * 3_600_000L - 60_000L;

    private final NetworkState state;
    private final Workload workload;
    private final SimPolicy policy;
    private final StaffingPlan plan;
    private final ShiftRules shifts;
    private final Roster roster;
    private final PolicyStats stats;
    private final Visitors visitors;
    private final long dayStartMs;
    private final java.time.DayOfWeek weekday;
    private final boolean lastDay;
    private final int dayIndex;
    private final int pool;
    /** The pool members on duty today. */
    private final int[] poolMembers;
    /** Per centre and service: since when its tickets wait with no free open window serving them, or 0. */
    private final long[] stuckSinceMs;
    private final Progress progress;

    private final Command slot = new Command().clear();
    private final EventHeap heap = new EventHeap();
    private final int centres;
    private final int services;
    private final int[] windowBase;
    private final int[] windowCount;
    private final int[][] skills;
    private final boolean[] skill;
    private final int[] mode;
    private final boolean[] closing;
    private final boolean[] deployed;
    /** A deployed window's member may leave once the line is empty after this time. */
    private final long[] stintEndMs;
    private final int[] windowStaff;
    /** Window (network index) each member sits at, or -1. */
    private final int[] memberWindow;
    /** The member is on break away from their window, which a colleague keeps. */
    private final boolean[] onBreak;
    /** The plan of the current hour wants the window open. */
    private final boolean[] wanted;
    /** Member on break who takes the window back from their relief once it is free, or -1. */
    private final int[] returning;
    /** The window's member takes their break (or ends their shift) once the visitor is done. */
    private final boolean[] breakDue;
    private final boolean[] shiftDue;
    /** Regular members of each centre moved elsewhere by the balancer and not back yet. */
    private final int[] movedOut;
    private final int[] planHour;
    private final int[] current;
    private final int[] calls;
    private final int[] open;
    private final int[] waiting;
    private final int[] waitingTotal;
    private final boolean[] draining;
    private final long[][] fifo;
    private final int[] fifoSize;
    private final Int2IntHashMap[] byTicket;
    private final int[] stage;
    private final long[] issuedMs;
    /** The visitor's first call came (their wait is recorded). */
    private final boolean[] calledOnce;
    private final int[] predictedSeconds;
    private final long[] appointmentCode;
    private final int[] ticketNumber;
    private final long lastCloseMs;
    private int busyWindows;
    /** The simulator itself is closing a window (a close it did not ask for is a staff member leaving). */
    private boolean closingHere;
    /** The simulator is closing a window for its member's break (the member is not free meanwhile). */
    private boolean breakingHere;
    private long nowMs;

    /** Everything of one day; {@link #run} once. */
    DaySimulation(final NetworkState state, final Workload workload, final SimPolicy policy, final StaffingPlan plan,
        final ShiftRules shifts, final PolicyStats stats, final LocalDate date, final long dayStartMs,
        final Day day, final Progress progress)
    {
        this.state = state;
        this.workload = workload;
        this.policy = policy;
        this.plan = plan;
        this.shifts = shifts;
        this.roster = new Roster(workload, shifts);
        this.stats = stats;
        this.dayStartMs = dayStartMs;
        this.weekday = date.getDayOfWeek();
        this.dayIndex = day.index();
        this.lastDay = day.last();
        this.pool = day.pool();
        this.poolMembers = new int[day.pool()];
        this.progress = progress;
        this.visitors = Visitors.draw(workload, day.surprise(), date, dayStartMs, day.seed());
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
        onBreak = new boolean[memberWindow.length];
        Arrays.fill(memberWindow, -1);
        wanted = new boolean[total];
        returning = new int[total];
        Arrays.fill(returning, -1);
        breakDue = new boolean[total];
        shiftDue = new boolean[total];
        movedOut = new int[centres];
        planHour = new int[centres];
        open = new int[centres];
        waiting = new int[centres * services];
        stuckSinceMs = new long[centres * services];
        waitingTotal = new int[centres];
        draining = new boolean[centres];
        fifo = new long[centres][64];
        fifoSize = new int[centres];
        byTicket = new Int2IntHashMap[centres];
        for (int c = 0; c < centres; c++)
        {
            byTicket[c] = new Int2IntHashMap(-1);
        }
        stage = new int[visitors.count];
        issuedMs = new long[visitors.count];
        calledOnce = new boolean[visitors.count];
        predictedSeconds = new int[visitors.count];
        appointmentCode = new long[visitors.count];
        ticketNumber = new int[visitors.count];
        long close = dayStartMs;
        for (int c = 0; c < centres; c++)
        {
            final DayHours hours = defs.get(c).hours().on(weekday);
            if (hours != null)
            {
                close = Math.max(close, dayStartMs + hours.closeMinute() * 60_000L);
            }
        }
        lastCloseMs = close;
    }

    /** Runs the day to its end and adds its figures to the policy's statistics. */
    void run()
    {
        nowMs = dayStartMs;
        command(CommandType.TICK);
        command(CommandType.SET_BALANCER_MODE).flag =
            (policy == SimPolicy.BALANCER ? BalancerMode.AUTO : BalancerMode.MANUAL).code();
        apply();
        startPool();
        bookAppointments();
        for (int c = 0; c < centres; c++)
        {
            for (int h = 0; h < 24; h++)
            {
                heap.push(dayStartMs + h * 3_600_000L, PLAN, c, h);
            }
        }
        for (int v = 0; v < visitors.count; v++)
        {
            heap.push(visitors.arriveMs[v], ARRIVE, v, 0);
        }
        heap.push(dayStartMs + 3_600_000L, TICK, 0, 0);
        heap.push(dayStartMs, SAMPLE, 0, 0);
        int lastHour = -1;
        while (!heap.isEmpty() && heap.peekTime() < dayStartMs + DAY_END_MS)
        {
            heap.pop();
            nowMs = heap.time();
            final int hour = (int)((nowMs - dayStartMs) / 3_600_000L);
            if (hour != lastHour)
            {
                lastHour = hour;
                progress.hour(dayIndex, hour);
            }
            handle(heap.kind(), heap.a(), heap.b());
        }
        closeEverything();
        countUnserved();
        final List<CentreKpi> parts = new ArrayList<>(centres);
        for (int c = 0; c < centres; c++)
        {
            parts.add(state.kpi(c));
        }
        stats.addDay(CentreKpi.merge(parts), roster.paidMs(false), roster.paidMs(true));
    }

    private void handle(final int kind, final int a, final int b)
    {
        switch (kind)
        {
            case ARRIVE -> arrive(a);
            case START -> startService(a);
            case COMPLETE -> complete(a);
            case RECALL -> recall(a);
            case PLAN -> plan(a, b);
            case TICK -> tick();
            case SAMPLE -> sample();
            case WAKE -> wake(a, b);
            case DEPLOY -> deploy(a, b);
            case BREAK -> due(a, breakDue);
            case BREAK_END -> breakEnd(a, b);
            case SHIFT_END -> shiftEnd(a);
            case SEND_HOME -> sendHome(a);
            case POOL_START -> poolStart(a);
            case STINT_END -> stintEnd(a, b);
            default -> throw new IllegalStateException("unknown simulator event " + kind);
        }
    }

    // ------------------------------------------------------------------ visitors

    private void bookAppointments()
    {
        for (int v = 0; v < visitors.count; v++)
        {
            if (!visitors.appointment[v])
            {
                continue;
            }
            final int c = visitors.centre[v];
            final DayHours hours = workload.network.centres().get(c).hours().on(weekday);
            final int slotMinutes = workload.network.rules().slotMinutes();
            final int minute = (int)((visitors.arriveMs[v] - dayStartMs) / 60_000L);
            final int slot = hours.openMinute() + (minute - hours.openMinute()) / slotMinutes * slotMinutes;
            if (slot + slotMinutes > hours.closeMinute())
            {
                continue;
            }
            final Command cmd = command(CommandType.BOOK_APPOINTMENT);
            cmd.centre = c;
            cmd.addService(visitors.first[v]);
            cmd.slotMs = dayStartMs + slot * 60_000L;
            apply();
            if (cmd.result == Result.OK)
            {
                appointmentCode[v] = cmd.resultAppointmentCode;
            }
        }
    }

    private void arrive(final int v)
    {
        final Command cmd;
        if (appointmentCode[v] != 0)
        {
            cmd = command(CommandType.CHECK_IN);
            cmd.centre = visitors.centre[v];
            cmd.appointmentCode = appointmentCode[v];
        }
        else
        {
            cmd = command(CommandType.ISSUE_TICKET);
            cmd.centre = visitors.centre[v];
            cmd.priority = visitors.priority[v];
            cmd.addService(visitors.first[v]);
            if (visitors.second[v] >= 0)
            {
                cmd.addService(visitors.second[v]);
            }
        }
        apply();
        if (cmd.result != Result.OK)
        {
            return;
        }
        final int c = visitors.centre[v];
        byTicket[c].put(cmd.resultTicket, v);
        ticketNumber[v] = cmd.resultTicket;
        issuedMs[v] = nowMs;
        predictedSeconds[v] = cmd.resultEtaSeconds;
        enqueue(c, v);
        wake(c, visitors.first[v]);
    }

    private int currentService(final int v)
    {
        return stage[v] == 0 ? visitors.first[v] : visitors.second[v];
    }

    private void enqueue(final int c, final int v)
    {
        waiting[c * services + currentService(v)]++;
        waitingTotal[c]++;
        if (policy != SimPolicy.FIFO)
        {
            return;
        }
        if (fifoSize[c] == fifo[c].length)
        {
            fifo[c] = Arrays.copyOf(fifo[c], fifoSize[c] * 2);
        }
        final long key = ((issuedMs[v] - dayStartMs) << 20) | v;
        int i = fifoSize[c]++;
        while (i > 0 && fifo[c][i - 1] > key)
        {
            fifo[c][i] = fifo[c][i - 1];
            i--;
        }
        fifo[c][i] = key;
    }

    private void dequeue(final int c, final int v)
    {
        waiting[c * services + currentService(v)]--;
        waitingTotal[c]--;
        if (policy != SimPolicy.FIFO)
        {
            return;
        }
        for (int i = 0; i < fifoSize[c]; i++)
        {
            if ((int)(fifo[c][i] & 0xFFFFF) == v)
            {
                System.arraycopy(fifo[c], i + 1, fifo[c], i, fifoSize[c] - i - 1);
                fifoSize[c]--;
                return;
            }
        }
    }

    // ------------------------------------------------------------------ windows

    /** A ticket for {@code service} waits at {@code c}: the first idle window that serves it calls. */
    private void wake(final int c, final int service)
    {
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] == IDLE && skill[i * services + service] && call(c, w))
            {
                return;
            }
        }
    }

    /** The window calls according to the policy. @return whether it called someone */
    private boolean call(final int c, final int w)
    {
        final int i = windowBase[c] + w;
        final Command cmd;
        if (policy == SimPolicy.FIFO)
        {
            final int v = oldestFor(c, i);
            if (v < 0)
            {
                return false;
            }
            cmd = command(CommandType.CALL_TICKET);
            cmd.ticketNumber = ticketNumber[v];
        }
        else
        {
            cmd = command(CommandType.CALL_NEXT);
        }
        cmd.centre = c;
        cmd.window = w;
        apply();
        return cmd.result == Result.OK;
    }

    private int oldestFor(final int c, final int i)
    {
        for (int k = 0; k < fifoSize[c]; k++)
        {
            final int v = (int)(fifo[c][k] & 0xFFFFF);
            if (skill[i * services + currentService(v)])
            {
                return v;
            }
        }
        return -1;
    }

    private void startService(final int i)
    {
        final int c = centreOf(i);
        command(CommandType.START_SERVICE);
        slot.centre = c;
        slot.window = i - windowBase[c];
        apply();
        final int v = current[i];
        heap.push(nowMs + (stage[v] == 0 ? visitors.firstMs[v] : visitors.secondMs[v]), COMPLETE, i, 0);
    }

    private void complete(final int i)
    {
        final int c = centreOf(i);
        final int v = current[i];
        command(CommandType.COMPLETE_SERVICE);
        slot.centre = c;
        slot.window = i - windowBase[c];
        apply();
        final boolean more = stage[v] == 0 && visitors.second[v] >= 0;
        if (!more && visitors.rating[v] > 0)
        {
            command(CommandType.RATE);
            slot.centre = c;
            slot.window = i - windowBase[c];
            slot.score = visitors.rating[v];
            apply();
        }
        current[i] = -1;
        if (more)
        {
            stage[v] = 1;
            enqueue(c, v);
            heap.push(nowMs, WAKE, c, visitors.second[v]);
        }
        windowFree(i);
    }

    private void recall(final int i)
    {
        final int c = centreOf(i);
        final int v = current[i];
        command(calls[i] >= workload.network.rules().maxCalls() ? CommandType.NO_SHOW : CommandType.RECALL);
        slot.centre = c;
        slot.window = i - windowBase[c];
        final boolean noShow = slot.type == CommandType.NO_SHOW;
        apply();
        if (noShow)
        {
            current[i] = -1;
            windowFree(i);
        }
        else
        {
            calls[i]++;
            heap.push(nowMs + RECALL_MS, RECALL, i, v);
        }
    }

    /** A window's visitor is done (or it just opened): it becomes idle and does what is due. */
    private void windowFree(final int i)
    {
        if (mode[i] != BUSY || current[i] >= 0)
        {
            return;
        }
        mode[i] = IDLE;
        busyWindows--;
        next(i);
    }

    /** An idle window: what is due first (close, give back, hand over, break), else it calls. */
    private void next(final int i)
    {
        final int c = centreOf(i);
        if (closing[i])
        {
            close(i);
            return;
        }
        if (returning[i] >= 0)
        {
            giveBack(i);
            return;
        }
        if (shiftDue[i])
        {
            handOver(i);
            return;
        }
        if (breakDue[i])
        {
            startBreak(i);
            return;
        }
        if (!call(c, i - windowBase[c]) && waitingTotal[c] == 0)
        {
            if (draining[c])
            {
                closeIdle(c);
            }
            else if (deployed[i] && nowMs >= stintEndMs[i])
            {
                close(i);
            }
        }
    }

    /** A deployed member's stint is over: they leave now if their window is free and the line empty. */
    private void stintEnd(final int i, final int member)
    {
        if (deployed[i] && windowStaff[i] == member && mode[i] == IDLE && waitingTotal[centreOf(i)] == 0)
        {
            close(i);
        }
    }

    /** After closing time, once the line is empty: every idle window of the centre closes. */
    private void closeIdle(final int c)
    {
        for (int w = 0; w < windowCount[c]; w++)
        {
            if (mode[windowBase[c] + w] == IDLE)
            {
                close(windowBase[c] + w);
            }
        }
    }

    /** Opens a closed window with a member present at the centre; their shift starts if it had not. */
    private void openWindow(final int c, final int w, final int member, final boolean standby)
    {
        final int i = windowBase[c] + w;
        command(CommandType.OPEN_WINDOW);
        slot.centre = c;
        slot.window = w;
        slot.staff = member;
        apply();
        if (slot.result != Result.OK)
        {
            throw new IllegalStateException("simulator could not open window " + w + " of centre " + c + ": "
                + slot.result);
        }
        beginDuty(member);
        closing[i] = false;
        deployed[i] = standby;
        windowStaff[i] = member;
        memberWindow[member] = i;
        open[c]++;
        busy(i);
    }

    /** The window is open and staffed: it calls at once. */
    private void busy(final int i)
    {
        mode[i] = BUSY;
        busyWindows++;
        windowFree(i);
    }

    /** A member goes on duty; a new shift gets its breaks and its end. */
    private void beginDuty(final int member)
    {
        if (!roster.begin(member, nowMs))
        {
            return;
        }
        final long end = roster.shiftEndMs(member);
        if (end < dayStartMs + DAY_END_MS)
        {
            heap.push(end, SHIFT_END, member, 0);
        }
        for (int k = 0; shifts.breakOffsetMs(member, k) >= 0; k++)
        {
            final long at = nowMs + shifts.breakOffsetMs(member, k);
            if (at >= dayStartMs + DAY_END_MS)
            {
                break;
            }
            heap.push(at, BREAK, member, k);
        }
    }

    private void close(final int i)
    {
        final int c = centreOf(i);
        command(CommandType.CLOSE_WINDOW);
        slot.centre = c;
        slot.window = i - windowBase[c];
        closingHere = true;
        apply();
        closingHere = false;
    }

    /** Closes a window now if it has no visitor, else after the visitor. */
    private void closeSoon(final int i)
    {
        if (mode[i] == BUSY)
        {
            closing[i] = true;
        }
        else if (mode[i] != CLOSED)
        {
            close(i);
        }
    }

    // ------------------------------------------------------------------ staffing

    private void plan(final int c, final int hour)
    {
        planHour[c] = hour;
        final int planned = plan.size(c, hour);
        if (planned == 0)
        {
            draining[c] = open[c] > 0 || draining[c];
            Arrays.fill(wanted, windowBase[c], windowBase[c] + windowCount[c], false);
            if (waitingTotal[c] == 0)
            {
                closeIdle(c);
            }
            return;
        }
        draining[c] = false;
        final int target = Math.max(1, planned - movedOut[c]);
        Arrays.fill(wanted, windowBase[c], windowBase[c] + windowCount[c], false);
        for (int k = 0; k < target; k++)
        {
            final int w = plan.window(c, hour, k);
            final int i = windowBase[c] + w;
            wanted[i] = true;
            if (mode[i] == CLOSED)
            {
                final int member = roster.take(c, nowMs);
                if (member >= 0)
                {
                    openWindow(c, w, member, false);
                }

            }
            else
            {
                closing[i] = false;
            }
        }
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED && !deployed[i] && !wanted[i])
            {
                closeSoon(i);
            }
        }
    }

    /**
     * A member's break or shift end is due ({@code due} is {@link #breakDue} or {@link #shiftDue}): at once if
     * their window is free, else after the visitor; nothing when they are not at a window.
     */
    private void due(final int member, final boolean[] due)
    {
        final int i = memberWindow[member];
        if (i < 0 || mode[i] == ON_BREAK)
        {
            return;
        }
        due[i] = true;
        if (mode[i] == IDLE)
        {
            next(i);
        }
    }

    /**
     * The window's member goes on break: a colleague from the back office takes the window over for the break,
     * or, with nobody free (or away from home), the window pauses.
     */
    private void startBreak(final int i)
    {
        final int c = centreOf(i);
        final int member = windowStaff[i];
        breakDue[i] = false;
        heap.push(nowMs + shifts.breakMs(), BREAK_END, i, member);
        final int relief = deployed[i] ? -1 : roster.take(c, nowMs);
        if (relief >= 0)
        {
            breakingHere = true;
            close(i);
            breakingHere = false;
            onBreak[member] = true;
            openWindow(c, i - windowBase[c], relief, false);
            return;
        }
        command(CommandType.BREAK_WINDOW);
        slot.centre = c;
        slot.window = i - windowBase[c];
        apply();
        mode[i] = ON_BREAK;
    }

    /** A break is over: the paused window reopens, or the member takes their window back from the relief. */
    private void breakEnd(final int i, final int member)
    {
        if (mode[i] == ON_BREAK && windowStaff[i] == member)
        {
            if (roster.over(member, nowMs) || closing[i] || (!wanted[i] && !deployed[i]))
            {
                handOver(i);
                return;
            }
            final int c = centreOf(i);
            command(CommandType.OPEN_WINDOW);
            slot.centre = c;
            slot.window = i - windowBase[c];
            slot.staff = member;
            apply();
            busy(i);
            return;
        }
        if (!onBreak[member])
        {
            return;
        }
        onBreak[member] = false;
        if (mode[i] == CLOSED || returning[i] >= 0 || roster.over(member, nowMs))
        {
            backOffice(member);
            return;
        }
        returning[i] = member;
        if (mode[i] == IDLE)
        {
            giveBack(i);
        }
    }

    /** The relief leaves the window to the member back from break (or both go if the plan dropped it). */
    private void giveBack(final int i)
    {
        final int member = returning[i];
        returning[i] = -1;
        final boolean keep = wanted[i] && !closing[i];
        final int c = centreOf(i);
        close(i);
        if (keep)
        {
            openWindow(c, i - windowBase[c], member, false);
        }
        else
        {
            backOffice(member);
        }
    }

    /** A member at home without a window: to the back office, or home when their shift is over. */
    private void backOffice(final int member)
    {
        if (roster.over(member, nowMs))
        {
            roster.leave(member, Math.min(nowMs, roster.shiftEndMs(member)));
        }
        else
        {
            roster.release(member, nowMs);
        }
    }

    /** The window's member leaves; a colleague from the back office takes over if the plan still wants it. */
    private void handOver(final int i)
    {
        final boolean keep = wanted[i] && !closing[i] && !deployed[i];
        final int c = centreOf(i);
        close(i);
        if (keep)
        {
            final int member = roster.take(c, nowMs);
            if (member >= 0)
            {
                openWindow(c, i - windowBase[c], member, false);
            }
        }
    }

    /** A moved staff member arrived: home again, or open the closed window with the most waiting work. */
    private void deploy(final int member, final int c)
    {
        roster.leave(member, nowMs);
        if (memberWindow[member] >= 0)
        {
            // a pool member who arrived in a tick already took a window there to help locally
            return;
        }
        if (c == roster.home(member))
        {
            if (!roster.pool(member))
            {
                // back in the back office: off standby, so the balancer does not send them away again
                command(CommandType.SET_STANDBY);
                slot.staff = member;
                slot.flag = 0;
                apply();
                movedOut[c]--;
                backOffice(member);
                plan(c, planHour[c]);
            }
            return;
        }
        int best = -1;
        int bestWaiting = 0;
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED)
            {
                continue;
            }
            int n = 0;
            for (final int s : skills[i])
            {
                n += waiting[c * services + s];
            }
            if (n > bestWaiting)
            {
                best = w;
                bestWaiting = n;
            }
        }
        if (best >= 0 && !roster.over(member, nowMs))
        {
            openWindow(c, best, member, true);
            final int i = windowBase[c] + best;
            stintEndMs[i] = nowMs + STINT_MS;
            heap.push(stintEndMs[i], STINT_END, i, member);
        }
        else
        {
            sendHome(member);
        }
    }

    /**
     * A moved member whose work away is done travels home (the trip is part of their duty); a standby pool member
     * stays on standby where they are (the balancer sends them on) until their shift is over.
     */
    private void sendHome(final int member)
    {
        if (roster.pool(member))
        {
            if (roster.over(member, nowMs) || nowMs >= lastCloseMs)
            {
                offDuty(member);
            }
            return;
        }
        final int home = roster.home(member);
        if (roster.over(member, nowMs) || nowMs >= lastCloseMs)
        {
            return;
        }
        command(CommandType.ASSIGN_STAFF);
        slot.staff = member;
        slot.targetCentre = home;
        apply();
    }

    /**
     * Tickets wait for a service that no window open at the centre serves (the plan closed the last one, or its
     * member left): the centre manager opens a closed window that serves it with a member of the back office. It
     * closes again when the plan of a later hour does not want it.
     */
    private void rescue(final int c)
    {
        for (int s = 0; s < services; s++)
        {
            if (waiting[c * services + s] == 0 || openServes(c, s))
            {
                continue;
            }
            for (int w = 0; w < windowCount[c]; w++)
            {
                final int i = windowBase[c] + w;
                if (mode[i] == CLOSED && skill[i * services + s])
                {
                    final int member = roster.take(c, nowMs);
                    if (member >= 0)
                    {
                        openWindow(c, w, member, false);
                    }
                    break;
                }
            }
        }
    }

    /**
     * A pool member on standby at a centre helps where they are: when tickets of a service have waited
     * {@link #LOCAL_SUSTAIN_MS} with no free open window serving it (a skill group short of windows, which the
     * centre-wide pressure the balancer reads does not show), they open a closed window that serves it. The window
     * closes again once it is free and the centre's line is empty; the member is on standby there again.
     */
    private void helpLocally(final int member)
    {
        if (memberWindow[member] >= 0 || roster.over(member, nowMs) || roster.shiftEndMs(member) == Long.MAX_VALUE)
        {
            return;
        }
        final StaffView view = state.staff(member);
        final int c = view.centre();
        if (view.mode() != StaffMode.STANDBY || waitingTotal[c] == 0)
        {
            return;
        }
        for (int s = 0; s < services; s++)
        {
            final int k = c * services + s;
            if (waiting[k] == 0 || freeServes(c, s))
            {
                stuckSinceMs[k] = 0;
                continue;
            }
            if (stuckSinceMs[k] == 0)
            {
                stuckSinceMs[k] = nowMs;
            }
            else if (nowMs - stuckSinceMs[k] >= LOCAL_SUSTAIN_MS)
            {
                for (int w = 0; w < windowCount[c]; w++)
                {
                    final int i = windowBase[c] + w;
                    if (mode[i] == CLOSED && skill[i * services + s])
                    {
                        stuckSinceMs[k] = 0;
                        openWindow(c, w, member, true);
                        stintEndMs[i] = nowMs;
                        return;
                    }
                }
            }
        }
    }

    /** @return whether an open window of the centre that serves the service is free. */
    private boolean freeServes(final int c, final int s)
    {
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] == IDLE && skill[i * services + s])
            {
                return true;
            }
        }
        return false;
    }

    private boolean openServes(final int c, final int s)
    {
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED && skill[i * services + s])
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The standby pool of the day: the first {@link #pool} members of the network's pool work whole shifts, the
     * even ones from the first opening, the odd ones ending at the last closing (the flagships' evening); the rest
     * of the pool stays off. Pool members are paid for their whole shift, used or not.
     */
    private void startPool()
    {
        long firstOpenMs = lastCloseMs;
        for (final CentreDef def : workload.network.centres())
        {
            final DayHours hours = def.hours().on(weekday);
            if (hours != null)
            {
                firstOpenMs = Math.min(firstOpenMs, dayStartMs + hours.openMinute() * 60_000L);
            }
        }
        final long lateStartMs = Math.max(firstOpenMs, lastCloseMs - shifts.shiftMs());
        int k = 0;
        for (int m = 0; m < memberWindow.length; m++)
        {
            if (roster.pool(m))
            {
                offDuty(m);
                if (k < pool)
                {
                    poolMembers[k] = m;
                    heap.push(k % 2 == 0 ? firstOpenMs : lateStartMs, POOL_START, m, 0);
                }
                k++;
            }
        }
    }

    /** A pool member's shift starts: on standby at their base, paid to the end of the shift. */
    private void poolStart(final int member)
    {
        command(CommandType.SET_STANDBY);
        slot.staff = member;
        slot.flag = 1;
        apply();
        beginDuty(member);
        roster.leave(member, Math.min(roster.shiftEndMs(member), lastCloseMs));
    }

    /** A member's shift is over: a pool member without a window goes off duty, others leave their window. */
    private void shiftEnd(final int member)
    {
        if (roster.pool(member) && memberWindow[member] < 0)
        {
            offDuty(member);
            return;
        }
        due(member, shiftDue);
    }

    /** Takes a member off standby (refused while they travel: they go off duty on arrival). */
    private void offDuty(final int member)
    {
        command(CommandType.SET_STANDBY);
        slot.staff = member;
        slot.flag = 0;
        apply();
    }

    private void tick()
    {
        command(CommandType.TICK);
        apply();
        for (int c = 0; c < centres; c++)
        {
            if (waitingTotal[c] > 0)
            {
                rescue(c);
            }
        }
        for (final int member : poolMembers)
        {
            helpLocally(member);
        }
        if ((nowMs < lastCloseMs || busyWindows > 0 || anyWaiting()) && nowMs + TICK_MS < dayStartMs + DAY_END_MS)
        {
            heap.push(nowMs + TICK_MS, TICK, 0, 0);
        }
    }

    private void sample()
    {
        final int k = (int)((nowMs - dayStartMs) / SAMPLE_MS);
        if (lastDay && k < PolicyStats.SAMPLES_PER_DAY)
        {
            for (int c = 0; c < centres; c++)
            {
                stats.queueSamples[c][k] = waitingTotal[c];
            }
        }
        if (k + 1 < PolicyStats.SAMPLES_PER_DAY && (nowMs < lastCloseMs || anyWaiting()))
        {
            heap.push(nowMs + SAMPLE_MS, SAMPLE, 0, 0);
        }
    }

    private boolean anyWaiting()
    {
        for (final int n : waitingTotal)
        {
            if (n > 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Visitors still waiting when the day ends were never called (the engine's KPIs know only calls): they count
     * as waits over the promise, waiting until the end of the day.
     */
    private void countUnserved()
    {
        for (int v = 0; v < visitors.count; v++)
        {
            if (issuedMs[v] != 0 && !calledOnce[v])
            {
                stats.unserved++;
                stats.unservedWaitMs += nowMs - issuedMs[v];
            }
        }
    }

    private void closeEverything()
    {
        for (int i = 0; i < mode.length; i++)
        {
            if (mode[i] == IDLE || mode[i] == ON_BREAK)
            {
                close(i);
            }
            else if (mode[i] == BUSY)
            {
                roster.leave(windowStaff[i], nowMs);
            }
        }
    }

    private int centreOf(final int i)
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

    // ------------------------------------------------------------------ engine

    private Command command(final CommandType type)
    {
        slot.clear();
        slot.type = type;
        slot.timestampMs = nowMs;
        return slot;
    }

    private void apply()
    {
        state.apply(slot, this);
    }

    @Override
    public void onEvent(final EngineEvent e)
    {
        switch (e.type)
        {
            case TICKET_CALLED -> called(e);
            case WINDOW_CLOSED -> windowClosed(e);
            case STAFF_MOVED -> moved(e);
            case STAFF_ARRIVED -> heap.push(Math.max(nowMs, e.timestampMs), DEPLOY, e.staff, e.centre);
            default ->
            {
                // other events change nothing the simulator tracks
            }
        }
    }

    private void called(final EngineEvent e)
    {
        final int c = e.centre;
        final int i = windowBase[c] + e.window;
        final int v = byTicket[c].get(e.ticket);
        dequeue(c, v);
        mode[i] = BUSY;
        busyWindows++;
        current[i] = v;
        calls[i] = 1;
        if (stage[v] == 0)
        {
            recordWait(v, e.durationMs);
        }
        if (stage[v] == 0 && visitors.noShow[v])
        {
            heap.push(nowMs + RECALL_MS, RECALL, i, v);
        }
        else
        {
            heap.push(nowMs + workload.mix.walkMs(), START, i, v);
        }
    }

    private void recordWait(final int v, final long waitMs)
    {
        calledOnce[v] = true;
        final int hour = (int)((issuedMs[v] - dayStartMs) / 3_600_000L);
        stats.byHourCount[hour]++;
        stats.byHourWaitMs[hour] += waitMs;
        if (waitMs > workload.network.rules().promiseMinutes() * 60_000L)
        {
            stats.byHourOver[hour]++;
        }
        if (predictedSeconds[v] >= 0)
        {
            final long error = predictedSeconds[v] * 1000L - waitMs;
            stats.etaCount++;
            stats.etaErrorMs += error;
            stats.etaAbsErrorMs += Math.abs(error);
        }
    }

    private void moved(final EngineEvent e)
    {
        stats.travelMs += e.arrivalMs - e.timestampMs;
        if (e.flag < 0)
        {
            stats.returns++;
            return;
        }
        stats.moves++;
        stats.moveLog.add(new int[]{(int)((e.timestampMs - dayStartMs) / 60_000L), e.staff, e.centre,
            e.targetCentre, dayIndex});
        beginDuty(e.staff);
        if (!roster.pool(e.staff) && e.centre == roster.home(e.staff))
        {
            // the home centre keeps its most needed windows open: the plan's last one closes instead
            movedOut[e.centre]++;
            heap.push(nowMs, PLAN, e.centre, planHour[e.centre]);
        }
    }

    private void windowClosed(final EngineEvent e)
    {
        final int c = e.centre;
        final int i = windowBase[c] + e.window;
        if (mode[i] == BUSY)
        {
            busyWindows--;
        }
        mode[i] = CLOSED;
        closing[i] = false;
        breakDue[i] = false;
        shiftDue[i] = false;
        open[c]--;
        if (returning[i] >= 0)
        {
            backOffice(returning[i]);
            returning[i] = -1;
        }
        final int member = windowStaff[i];
        deployed[i] = false;
        windowStaff[i] = -1;
        if (member < 0)
        {
            return;
        }
        memberWindow[member] = -1;
        roster.leave(member, nowMs);
        if (!closingHere || breakingHere)
        {
            return;
        }
        if (c != roster.home(member))
        {
            heap.push(nowMs, SEND_HOME, member, 0);
        }
        else if (!roster.pool(member))
        {
            roster.release(member, nowMs);
        }
    }
}

package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.StaffDef;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.Result;
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
 * <p><b>Staffing.</b> Each hour a centre staffs {@code max(cover, ceil(a + beta x sqrt(a)))} windows (square-root
 * staffing over the offered load {@code a} in erlangs of that hour; {@code cover} = the first windows that
 * together serve every service of the centre), opening windows in index order with home staff and closing the
 * highest ones (after their visitor) when the plan shrinks. After closing time windows serve the remaining line
 * and close when nothing is left to call. Staff moved by the balancer open the closed window whose services
 * have the most waiting tickets, and leave it again when the centre's line is empty.
 *
 * <p><b>Visitors.</b> Walk to the window in 30 s; no-shows are recalled each minute up to the network's call
 * limit, then recorded as such; appointments are booked at the start of the day and checked in on arrival.
 * Single-threaded and deterministic.
 */
final class DaySimulation implements EventListener
{
    private static final int ARRIVE = 1;
    private static final int START = 2;
    private static final int COMPLETE = 3;
    private static final int RECALL = 4;
    private static final int PLAN = 5;
    private static final int TICK = 6;
    private static final int SAMPLE = 7;
    private static final int WAKE = 8;
    private static final int DEPLOY = 9;

    private static final int CLOSED = 0;
    private static final int IDLE = 1;
    private static final int BUSY = 2;
    private static final long RECALL_MS = 60_000L;
    private static final long TICK_MS = 60_000L;
    private static final long SAMPLE_MS = 15 * 60_000L;
    /** The simulated day stops a minute before midnight, when the engine would start the next one. */
    private static final long DAY_END_MS = 24 * 3_600_000L - 60_000L;

    private final NetworkState state;
    private final Workload workload;
    private final SimPolicy policy;
    private final double beta;
    private final PolicyStats stats;
    private final Visitors visitors;
    private final long dayStartMs;
    private final java.time.DayOfWeek weekday;
    private final boolean lastDay;
    private final int dayIndex;
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
    private final int[] windowStaff;
    private final int[] current;
    private final int[] calls;
    private final int[] freeHome;
    private final int[] freeHomeCount;
    private final int[] homeOffset;
    private final int[] open;
    private final int[] waiting;
    private final int[] waitingTotal;
    private final boolean[] draining;
    private final long[][] fifo;
    private final int[] fifoSize;
    private final Int2IntHashMap[] byTicket;
    private final int[] stage;
    private final long[] issuedMs;
    private final int[] predictedSeconds;
    private final long[] appointmentCode;
    private final int[] ticketNumber;
    private final int[] cover;
    private final long lastCloseMs;
    private int busyWindows;
    /** The simulator itself is closing a window (a close it did not ask for is a staff member leaving). */
    private boolean closingHere;
    private long nowMs;

    /** Everything of one day; {@link #run} once. */
    DaySimulation(final NetworkState state, final Workload workload, final SimPolicy policy, final double beta,
        final PolicyStats stats, final LocalDate date, final long dayStartMs, final long seed, final int dayIndex,
        final boolean lastDay, final Progress progress)
    {
        this.state = state;
        this.workload = workload;
        this.policy = policy;
        this.beta = beta;
        this.stats = stats;
        this.dayStartMs = dayStartMs;
        this.weekday = date.getDayOfWeek();
        this.dayIndex = dayIndex;
        this.lastDay = lastDay;
        this.progress = progress;
        this.visitors = Visitors.draw(workload, date, dayStartMs, seed);
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
        windowStaff = new int[total];
        current = new int[total];
        calls = new int[total];
        Arrays.fill(current, -1);
        final List<StaffDef> staffDefs = workload.network.staff();
        freeHomeCount = new int[centres];
        homeOffset = new int[centres + 1];
        for (final StaffDef s : staffDefs)
        {
            if (!s.standby())
            {
                homeOffset[workload.index.centre(s.homeCentre()) + 1]++;
            }
        }
        for (int c = 0; c < centres; c++)
        {
            homeOffset[c + 1] += homeOffset[c];
        }
        freeHome = new int[homeOffset[centres]];
        for (int i = 0; i < staffDefs.size(); i++)
        {
            if (!staffDefs.get(i).standby())
            {
                final int c = workload.index.centre(staffDefs.get(i).homeCentre());
                freeHome[homeOffset[c] + freeHomeCount[c]++] = i;
            }
        }
        open = new int[centres];
        waiting = new int[centres * services];
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
        predictedSeconds = new int[visitors.count];
        appointmentCode = new long[visitors.count];
        ticketNumber = new int[visitors.count];
        cover = new int[centres];
        long close = dayStartMs;
        for (int c = 0; c < centres; c++)
        {
            cover[c] = coverWindows(c);
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
        final List<CentreKpi> parts = new ArrayList<>(centres);
        for (int c = 0; c < centres; c++)
        {
            parts.add(state.kpi(c));
        }
        stats.addDay(CentreKpi.merge(parts));
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

    /** A window without a visitor: closes if it must, else calls; idle when nobody can be called. */
    private void windowFree(final int i)
    {
        if (mode[i] == CLOSED || current[i] >= 0)
        {
            return;
        }
        final int c = centreOf(i);
        mode[i] = IDLE;
        busyWindows--;
        if (closing[i])
        {
            close(i);
            return;
        }
        if (!call(c, i - windowBase[c]) && waitingTotal[c] == 0)
        {
            if (draining[c])
            {
                closeIdle(c);
            }
            else if (deployed[i])
            {
                close(i);
            }
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
        mode[i] = BUSY;
        busyWindows++;
        closing[i] = false;
        deployed[i] = standby;
        windowStaff[i] = member;
        open[c]++;
        windowFree(i);
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

    // ------------------------------------------------------------------ staffing

    /** @return windows (in index order) needed so that every offered service has one. */
    private int coverWindows(final int c)
    {
        final boolean[] covered = new boolean[services];
        int left = 0;
        for (int s = 0; s < services; s++)
        {
            left += workload.offered[c][s] ? 1 : 0;
        }
        int n = 0;
        while (left > 0 && n < windowCount[c])
        {
            for (final int s : skills[windowBase[c] + n])
            {
                if (!covered[s])
                {
                    covered[s] = true;
                    left--;
                }
            }
            n++;
        }
        return n;
    }

    private void plan(final int c, final int hour)
    {
        double rate = 0;
        for (int m = hour * 60; m < hour * 60 + 60; m++)
        {
            rate += workload.ratePerMinute(c, weekday, m);
        }
        final double load = rate / 60 * workload.meanServiceMinutes(c);
        if (load <= 0)
        {
            draining[c] = open[c] > 0 || draining[c];
            if (waitingTotal[c] == 0)
            {
                closeIdle(c);
            }
            return;
        }
        draining[c] = false;
        final int target = Math.min(windowCount[c],
            Math.max(cover[c], (int)Math.ceil(load + beta * Math.sqrt(load))));
        int regular = 0;
        for (int w = 0; w < windowCount[c]; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED && !deployed[i] && !closing[i])
            {
                regular++;
            }
        }
        for (int w = 0; w < windowCount[c] && regular < target && freeHomeCount[c] > 0; w++)
        {
            final int i = windowBase[c] + w;
            if (mode[i] == CLOSED)
            {
                openWindow(c, w, freeHome[homeOffset[c] + --freeHomeCount[c]], false);
                regular++;
            }
            else if (closing[i])
            {
                closing[i] = false;
                regular++;
            }
        }
        for (int w = windowCount[c] - 1; w >= 0 && regular > target; w--)
        {
            final int i = windowBase[c] + w;
            if (mode[i] != CLOSED && !deployed[i] && !closing[i])
            {
                regular--;
                if (mode[i] == IDLE)
                {
                    close(i);
                }
                else
                {
                    closing[i] = true;
                }
            }
        }
    }

    /** A moved staff member arrived: open the closed window with the most waiting work for its services. */
    private void deploy(final int member, final int c)
    {
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
        if (best >= 0)
        {
            openWindow(c, best, member, true);
        }
    }

    private void tick()
    {
        command(CommandType.TICK);
        apply();
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

    private void closeEverything()
    {
        for (int i = 0; i < mode.length; i++)
        {
            if (mode[i] == IDLE)
            {
                close(i);
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
            case STAFF_MOVED ->
            {
                stats.moves++;
                stats.travelMs += e.arrivalMs - e.timestampMs;
                stats.moveLog.add(new int[]{(int)((e.timestampMs - dayStartMs) / 60_000L), e.staff, e.centre,
                    e.targetCentre, dayIndex});
            }
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
        open[c]--;
        final int member = windowStaff[i];
        if (closingHere && !deployed[i] && member >= 0)
        {
            freeHome[homeOffset[c] + freeHomeCount[c]++] = member;
        }
        deployed[i] = false;
        windowStaff[i] = -1;
    }
}

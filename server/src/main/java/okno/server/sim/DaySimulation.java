package okno.server.sim;

import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.balancer.BalancerMode;
import okno.engine.state.NetworkState;

import java.time.LocalDate;

/**
 * Runs one local day of a {@link Workload} through the real state machine in virtual time: every visitor,
 * window and staff action is a {@link okno.engine.api.Command} applied to {@link NetworkState#apply} with one
 * reused slot ({@link EngineSlot}), and the simulator reacts to the engine's events (a called visitor walks up
 * or does not come, a completed multi-service visit queues again, a moved staff member opens a window on
 * arrival).
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
 * <p><b>Skills follow the person</b> (as in the engine): a staffed window serves its desk's services plus those
 * its member is trained for; centre managers seat members trained for all of a desk's services when that costs no
 * extra pay.
 *
 * <p><b>Moves.</b> Staff moved by the balancer open, on arrival, a closed window that with their own skills serves
 * the centre's longest line (the one serving the most waiting work) and work there at least a two-hour stint;
 * then, when the centre's line is empty (or the member's shift ends) they close it. Regular members travel home
 * (the return trips are counted apart from the balancer's moves) and rejoin the back office; the home centre
 * re-plans at once when a member leaves or returns, so the windows it keeps are its most needed ones. Standby
 * pool members stay on standby where they are.
 *
 * <p><b>Stuck lines</b> (okno+balancer only). When a service's tickets have waited three minutes with no free window
 * serving them, the centre's manager, who reads okno's line waits, seats a back-office member already on shift at
 * a closed window that serves it; the window closes again once it is free with the line empty.
 *
 * <p><b>Standby pool</b> (okno+balancer only). The first {@code pool} members of the network's pool work whole
 * shifts and are paid for them, used or not: half from the first opening, half until the last closing. Besides
 * the balancer's moves, a pool member on standby at a centre helps there when a line is stuck and the back office
 * had nobody for it, at a closed window that serves it with their own skills.
 *
 * <p><b>Rescue.</b> Tickets of a service that no open window serves (the plan closed the last one) get a window
 * from the back office within a minute; visitors still waiting at the end of the day count as waits over the
 * promise.
 *
 * <p><b>Visitors.</b> Walk to the window in 30 s; no-shows are recalled each minute up to the network's call
 * limit, then recorded as such; appointments are booked at the start of the day and checked in on arrival.
 * Single-threaded and deterministic.
 *
 * <p>This class coordinates: it runs the event loop and hands each event to the part that owns it:
 * <pre>
 *   EventHeap -----+--&gt; DaySimulation --+--&gt; VisitorFlow     (arrivals, calls, services, recalls)
 *   engine events -+                    +--&gt; CentreStaffing  (hourly plan, draining, rescue, stuck lines)
 *                                       +--&gt; Relief          (breaks, giving back, handovers)
 *                                       +--&gt; Deployments     (balancer moves, stints, trips home)
 *                                       +--&gt; StandbyPool     (pool shifts, local help)
 *                                       +--&gt; DayRecorder     (waits, moves, samples, the day's figures)
 *   they open and close windows through WindowControl, over the Hall, the Line and the FifoDriver.
 * </pre>
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
     * @param redirect share of the visitors offered a nearby centre who take it (okno's kiosk only)
     */
    record Day(long seed, int index, boolean last, DemandSurprise surprise, int pool, double redirect)
    {
    }

    private static final long TICK_MS = 60_000L;

    private final SimPolicy policy;
    private final int dayIndex;
    private final Progress progress;
    private final DayClock clock;
    private final EventHeap heap = new EventHeap();
    private final EngineSlot engine;
    private final Roster roster;
    private final Hall hall;
    private final Line line;
    private final WindowControl windows;
    private final ShiftDuty duty;
    private final Relief relief;
    private final CentreStaffing staffing;
    private final StandbyPool pool;
    private final Deployments deployments;
    private final DayRecorder recorder;
    private final VisitorFlow flow;

    /** Everything of one day; {@link #run} once. */
    DaySimulation(final NetworkState state, final Workload workload, final SimPolicy policy, final StaffingPlan plan,
        final ShiftRules shifts, final PolicyStats stats, final LocalDate date, final long dayStartMs,
        final Day day, final Progress progress)
    {
        this.policy = policy;
        this.dayIndex = day.index();
        this.progress = progress;
        final Visitors visitors = Visitors.draw(workload, day.surprise(), date, dayStartMs, day.seed());
        clock = new DayClock(workload, date.getDayOfWeek(), dayStartMs);
        engine = new EngineSlot(state, clock, this);
        hall = new Hall(workload);
        roster = new Roster(workload, shifts, clock, hall);
        final Tickets tickets = new Tickets(visitors, hall.centres);
        final FifoDriver fifo = new FifoDriver(hall, tickets, dayStartMs);
        line = new Line(hall.centres, hall.services, tickets, fifo, policy);
        duty = new ShiftDuty(roster, shifts, heap, clock);
        windows = new WindowControl(engine, clock, hall, tickets, fifo, policy, roster, duty, heap, this::next);
        relief = new Relief(engine, clock, hall, windows, roster, duty, shifts, heap);
        final HelperSeat seat = new HelperSeat(workload, hall, line);
        final StuckLines stuck = new StuckLines(hall, line);
        staffing = new CentreStaffing(clock, hall, line, windows, roster, plan, heap, seat,
            policy == SimPolicy.BALANCER ? stuck : null);
        pool = new StandbyPool(engine, clock, workload, hall, line, windows, roster, duty, shifts, seat, stuck, heap,
            day.pool());
        deployments = new Deployments(engine, clock, hall, line, windows, roster, duty, staffing, pool, seat, heap);
        recorder = new DayRecorder(stats, workload, visitors, tickets, line, clock, heap, day, hall.centres);
        final Redirects redirects = policy == SimPolicy.FIFO ? null : new Redirects(workload, clock, day.redirect(),
            day.seed() * 0x632BE59BD9B4E019L + date.toEpochDay(), visitors.count);
        flow = new VisitorFlow(engine, clock, workload, visitors, tickets, line, hall, windows, recorder, redirects,
            heap);
    }

    /** Runs the day to its end and adds its figures to the policy's statistics. */
    void run()
    {
        final long dayStartMs = clock.dayStartMs;
        clock.advanceTo(dayStartMs);
        engine.command(CommandType.TICK);
        engine.command(CommandType.SET_BALANCER_MODE).flag =
            (policy == SimPolicy.BALANCER ? BalancerMode.AUTO : BalancerMode.MANUAL).code();
        engine.apply();
        pool.start();
        flow.bookAppointments();
        for (int c = 0; c < hall.centres; c++)
        {
            for (int h = 0; h < 24; h++)
            {
                heap.push(dayStartMs + h * 3_600_000L, SimEvent.PLAN, c, h);
            }
        }
        flow.scheduleArrivals();
        heap.push(dayStartMs + 3_600_000L, SimEvent.TICK, 0, 0);
        heap.push(dayStartMs, SimEvent.SAMPLE, 0, 0);
        int lastHour = -1;
        while (!heap.isEmpty() && heap.peekTime() < clock.dayEndMs)
        {
            heap.pop();
            clock.advanceTo(heap.time());
            final int hour = (int)((heap.time() - dayStartMs) / 3_600_000L);
            if (hour != lastHour)
            {
                lastHour = hour;
                progress.hour(dayIndex, hour);
            }
            handle(heap.kind(), heap.a(), heap.b());
        }
        windows.closeEverything();
        recorder.endDay(engine.state(), roster);
    }

    private void handle(final int kind, final int a, final int b)
    {
        switch (kind)
        {
            case SimEvent.ARRIVE -> flow.arrive(a);
            case SimEvent.START -> flow.startService(a);
            case SimEvent.COMPLETE -> flow.complete(a);
            case SimEvent.RECALL -> flow.recall(a);
            case SimEvent.PLAN -> staffing.plan(a, b);
            case SimEvent.TICK -> tick();
            case SimEvent.SAMPLE -> recorder.sample();
            case SimEvent.WAKE -> windows.wake(a, b);
            case SimEvent.DEPLOY -> deployments.arrived(a, b);
            case SimEvent.BREAK -> due(a, hall.breakDue);
            case SimEvent.BREAK_END -> relief.breakEnd(a, b);
            case SimEvent.SHIFT_END -> shiftEnd(a);
            case SimEvent.SEND_HOME -> deployments.sendHome(a);
            case SimEvent.POOL_START -> pool.shiftStart(a);
            case SimEvent.STINT_END -> deployments.stintEnd(a, b);
            default -> throw new IllegalStateException("unknown simulator event " + kind);
        }
    }

    /** An idle window: what is due first (close, give back, hand over, break), else it calls. */
    private void next(final int i)
    {
        final int c = hall.centreOf(i);
        if (hall.closing[i])
        {
            windows.close(i);
            return;
        }
        if (hall.returning[i] >= 0)
        {
            relief.giveBack(i);
            return;
        }
        if (hall.shiftDue[i])
        {
            relief.handOver(i);
            return;
        }
        if (hall.breakDue[i])
        {
            relief.startBreak(i);
            return;
        }
        if (!windows.call(c, i - hall.windowBase[c]) && line.total(c) == 0)
        {
            if (staffing.draining(c))
            {
                windows.closeIdle(c);
            }
            else if (hall.deployed[i] && clock.nowMs() >= hall.stintEndMs[i])
            {
                windows.close(i);
            }
        }
    }

    /**
     * A member's break or shift end is due ({@code due} is the hall's break or shift flags): at once if their
     * window is free, else after the visitor; nothing when they are not at a window.
     */
    private void due(final int member, final boolean[] due)
    {
        final int i = hall.memberWindow[member];
        if (i < 0 || hall.mode[i] == Hall.ON_BREAK)
        {
            return;
        }
        due[i] = true;
        if (hall.mode[i] == Hall.IDLE)
        {
            next(i);
        }
    }

    /** A member's shift is over: a pool member without a window goes off duty, others leave their window. */
    private void shiftEnd(final int member)
    {
        if (roster.pool(member) && hall.memberWindow[member] < 0)
        {
            pool.offDuty(member);
            return;
        }
        due(member, hall.shiftDue);
    }

    /**
     * The engine's minute: rescue windows for unserved services, local help for stuck lines (the back office, then
     * the pool), the next tick.
     */
    private void tick()
    {
        engine.command(CommandType.TICK);
        engine.apply();
        for (int c = 0; c < hall.centres; c++)
        {
            if (line.total(c) > 0)
            {
                staffing.rescue(c);
                staffing.answerStuckLines(c);
            }
        }
        pool.helpLocally();
        final long nowMs = clock.nowMs();
        final boolean active = nowMs < clock.lastCloseMs || hall.busyWindows > 0 || line.anyWaiting();
        if (active && nowMs + TICK_MS < clock.dayEndMs)
        {
            heap.push(nowMs + TICK_MS, SimEvent.TICK, 0, 0);
        }
    }

    @Override
    public void onEvent(final EngineEvent e)
    {
        switch (e.type)
        {
            case TICKET_CALLED -> flow.called(e);
            case WINDOW_CLOSED -> windows.closed(e);
            case STAFF_MOVED ->
            {
                recorder.moved(e);
                deployments.moved(e);
            }
            case STAFF_ARRIVED -> heap.push(Math.max(clock.nowMs(), e.timestampMs), SimEvent.DEPLOY, e.staff, e.centre);
            default ->
            {
                // other events change nothing the simulator tracks
            }
        }
    }
}

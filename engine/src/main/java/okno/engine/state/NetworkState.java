package okno.engine.state;

import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.QueueRules;
import okno.config.StaffDef;
import okno.engine.api.AppointmentView;
import okno.engine.api.CentreCounters;
import okno.engine.api.CentreSummary;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;
import okno.engine.api.EventType;
import okno.engine.api.NetworkView;
import okno.engine.api.QueueEntry;
import okno.engine.api.Result;
import okno.engine.api.SlotView;
import okno.engine.api.StaffView;
import okno.engine.api.StateMachine;
import okno.engine.api.TicketView;
import okno.engine.api.WindowView;
import okno.engine.balancer.BalancerMode;
import okno.engine.balancer.BalancerRules;
import okno.engine.balancer.ProposalView;
import okno.engine.kpi.CentreKpi;
import okno.engine.kpi.KpiBook;
import okno.engine.kpi.LoadSchedule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The whole queue network as a deterministic state machine: tickets, lines, windows, staff, appointments,
 * counters and ETA estimates of every centre. Commands come in through {@link #apply}, which validates
 * completely before it changes anything: a rejected command sets its result, reports exactly one
 * {@link EventType#REJECTED} event and leaves the state as it was.
 *
 * <p><b>Time.</b> Time comes only from {@link Command#timestampMs}. Engine time is the latest time seen; an
 * earlier command is rejected. Before a command is applied, engine time advances to the command's time and
 * the timers due on the way fire in time order: staff arrivals and the start of a new local day (see
 * {@link DayClock}). {@link CommandType#QUERY} neither advances time nor changes anything (it is not
 * journaled). Note that time advances even when the command itself is then rejected.
 *
 * <p><b>Structure.</b> This class holds the state and is the facade; each job is a package-private collaborator
 * working on it:
 * <pre>
 *   apply ──► DayClock (timers, day rollover) ──► dispatch by command type
 *               TicketDesk       issue, cancel, request dedup
 *               AppointmentDesk  book, cancel, check-in
 *               WindowDesk       open, close, break, open-window counters
 *               CallDesk         call-next, call by number, recall, no-show, postpone
 *               VisitDesk        start, complete, transfer, rate
 *               StaffRoster      assign, travel, arrival, standby
 *               BalancerHost     tick, balancer mode, accept proposal
 *   NetworkView queries ──► ViewBuilder;  hash and snapshot ──► StateCodec
 * </pre>
 *
 * <p><b>Threading.</b> Engine thread only; not thread-safe. {@link #apply} allocates nothing once the ticket
 * tables and hash maps have grown to the size of a day; queries allocate their results.
 */
public final class NetworkState implements StateMachine, NetworkView
{
    final QueueRules rules;
    final DayCalendar calendar;
    final int serviceCount;
    final ServiceCatalog catalog;
    final CentreState[] centres;
    final StaffState[] staff;
    final Appointments appointments;
    final EtaPredictor eta;
    final KpiBook kpis;
    final LoadSchedule schedule;
    final BalancerHost balancing;
    private final TicketDesk tickets;
    private final AppointmentDesk appointmentDesk;
    private final WindowDesk windows;
    private final CallDesk calls;
    private final VisitDesk visits;
    private final StaffRoster roster;
    private final DayClock clock;
    private final ViewBuilder views;
    private final EngineEvent event = new EngineEvent();
    private EventListener listener = EventListener.NONE;
    /**
     * Whether the command's result-only values (a new ticket's position and ETA) are computed; false only
     * inside {@link #replay}. Nothing of the state depends on them.
     */
    boolean resultsWanted = true;

    long nowMs = Long.MIN_VALUE;
    long day = Long.MIN_VALUE;
    long nextArrivalMs = Long.MAX_VALUE;

    /** Builds the empty state of a network: no day started yet, every window closed, staff at home. */
    public NetworkState(final NetworkConfig config)
    {
        this.rules = config.rules();
        this.calendar = new DayCalendar(config.utcOffset());
        final NetworkIndex index = new NetworkIndex(config);
        catalog = new ServiceCatalog(config.services());
        serviceCount = catalog.count();
        centres = new CentreState[config.centres().size()];
        for (int c = 0; c < centres.length; c++)
        {
            centres[c] = CentreBuilder.build(c, config.centres().get(c), index, serviceCount);
        }
        staff = new StaffState[config.staff().size()];
        for (int i = 0; i < staff.length; i++)
        {
            final StaffDef def = config.staff().get(i);
            final int home = index.centre(def.homeCentre());
            if (home < 0)
            {
                throw new IllegalArgumentException("staff " + def.id() + ": unknown home centre " + def.homeCentre());
            }
            final long[] skills = new long[LineIndex.words(serviceCount)];
            for (final String skill : def.skills())
            {
                final int service = index.service(skill);
                if (service < 0)
                {
                    throw new IllegalArgumentException("staff " + def.id() + ": unknown service " + skill);
                }
                skills[service >>> 6] |= 1L << service;
            }
            staff[i] = new StaffState(i, home, def.standby(), skills);
        }
        appointments = new Appointments(config.seed(), centres.length, serviceCount);
        eta = new EtaPredictor(centres, catalog.expectedMs());
        kpis = new KpiBook(centres.length, rules.promiseMinutes() * DayCalendar.MINUTE_MS);
        schedule = new LoadSchedule(centres.length);
        tickets = new TicketDesk(this);
        appointmentDesk = new AppointmentDesk(this, tickets);
        windows = new WindowDesk(this);
        calls = new CallDesk(this, windows);
        visits = new VisitDesk(this, windows);
        roster = new StaffRoster(this, windows, config.centres(), rules.travelKmPerHour());
        clock = new DayClock(this, roster);
        views = new ViewBuilder(this, appointmentDesk);
        balancing = new BalancerHost(this, BalancerRules.DEFAULT);
    }

    // ------------------------------------------------------------------ apply

    @Override
    public void apply(final Command command, final EventListener events)
    {
        listener = events;
        command.clearResult();
        final CommandType type = command.type;
        final Result result;
        if (type == CommandType.QUERY)
        {
            result = command.query == null ? Result.UNKNOWN_COMMAND : Result.OK;
            if (command.query != null)
            {
                command.query.read(this);
            }
        }
        else if (type == null)
        {
            result = Result.UNKNOWN_COMMAND;
        }
        else if (command.timestampMs < nowMs)
        {
            result = Result.TIME_WENT_BACKWARDS;
        }
        else
        {
            clock.advanceTo(command.timestampMs);
            result = dispatch(command);
        }
        command.result = result;
        if (result != Result.OK)
        {
            final EngineEvent e = event(EventType.REJECTED);
            e.timestampMs = command.timestampMs;
            e.reason = result;
            e.rejectedCommand = type;
            e.centre = command.centre;
            e.window = command.window;
            e.staff = command.staff;
            e.ticket = command.ticketNumber;
            publish();
        }
        listener = EventListener.NONE;
    }

    /**
     * Applies a command read back from the journal, as {@link #apply} with {@link EventListener#NONE} does, but
     * without computing what only its caller would read: a new or retried ticket's position and ETA
     * ({@link Command#resultPosition}, {@link Command#resultEtaSeconds} and the same fields of its event) stay as
     * {@link Command#clearResult} leaves them.
     * The state, {@link Command#result} and {@link #stateHash()} come out exactly as from {@link #apply}.
     */
    @Override
    public void replay(final Command command)
    {
        resultsWanted = false;
        try
        {
            apply(command, EventListener.NONE);
        }
        finally
        {
            resultsWanted = true;
        }
    }

    private Result dispatch(final Command c)
    {
        switch (c.type)
        {
            case TICK:
                balancing.onTick();
                return Result.OK;
            case ISSUE_TICKET:
                return tickets.issue(c);
            case CANCEL_TICKET:
                return tickets.cancel(c);
            case BOOK_APPOINTMENT:
                return appointmentDesk.book(c);
            case CANCEL_APPOINTMENT:
                return appointmentDesk.cancel(c);
            case CHECK_IN:
                return appointmentDesk.checkIn(c);
            case OPEN_WINDOW:
                return windows.open(c);
            case CLOSE_WINDOW:
                return windows.close(c);
            case BREAK_WINDOW:
                return windows.takeBreak(c);
            case CALL_NEXT:
                return calls.callNext(c);
            case CALL_TICKET:
                return calls.callTicket(c);
            case RECALL:
                return calls.recall(c);
            case START_SERVICE:
                return visits.start(c);
            case COMPLETE_SERVICE:
                return visits.complete(c);
            case NO_SHOW:
                return calls.noShow(c);
            case POSTPONE:
                return calls.postpone(c);
            case TRANSFER:
                return visits.transfer(c);
            case RATE:
                return visits.rate(c);
            case ASSIGN_STAFF:
                return roster.assign(c);
            case SET_STANDBY:
                return roster.setStandby(c);
            case SET_BALANCER_MODE:
                return balancing.setMode(c);
            case ACCEPT_PROPOSAL:
                return balancing.accept(c);
            default:
                return Result.UNKNOWN_COMMAND;
        }
    }

    // ------------------------------------------------------------------ shared by the collaborators

    /** See {@link StaffRoster#move}. */
    void moveStaff(final int member, final int target, final int flag)
    {
        roster.move(member, target, flag);
    }

    /** See {@link StaffRoster#checkMovable}. */
    Result checkMovable(final int member)
    {
        return roster.checkMovable(member);
    }

    /** @return travel time between two centres. */
    long travelMs(final int from, final int to)
    {
        return roster.travelMs(from, to);
    }

    CentreState centreOrNull(final int centre)
    {
        return centre >= 0 && centre < centres.length ? centres[centre] : null;
    }

    WindowState windowOrNull(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        return centre != null && centre.hasWindow(c.window) ? centre.windows[c.window] : null;
    }

    Result windowLookupFailure(final Command c)
    {
        return centreOrNull(c.centre) == null ? Result.UNKNOWN_CENTRE : Result.UNKNOWN_WINDOW;
    }

    boolean isOpen(final CentreState centre, final long timeMs)
    {
        final DayHours hours = centre.hoursOn(calendar.epochDay(timeMs));
        return hours != null && hours.contains(calendar.minuteOfDay(timeMs));
    }

    /** @return waiting tickets of the same line (service lines: all classes of the service) before {@code t}. */
    int ahead(final CentreState centre, final int t)
    {
        final TicketLines lines = centre.lines;
        final int target = centre.tickets.targetWindow(t);
        if (target >= 0)
        {
            return lines.countBefore(centre.transferLine(target), t);
        }
        final int s = centre.tickets.currentService(t);
        return lines.countBefore(CentreState.lineId(s, 1), t) + lines.countBefore(CentreState.lineId(s, 2), t)
            + lines.countBefore(CentreState.lineId(s, 3), t);
    }

    int etaSeconds(final CentreState centre, final int service, final int ahead)
    {
        return eta.waitSeconds(centre, service, ahead, rules.escalationMinutes() * DayCalendar.MINUTE_MS);
    }

    EngineEvent event(final EventType type)
    {
        return event.reset(type, nowMs);
    }

    void publish()
    {
        listener.onEvent(event);
    }

    EngineEvent ticketEvent(final EventType type, final CentreState centre, final int t)
    {
        final TicketTable tickets = centre.tickets;
        final EngineEvent e = event(type);
        e.centre = centre.index;
        e.ticket = tickets.number(t);
        e.service = tickets.currentService(t);
        e.priority = tickets.priority(t);
        e.window = tickets.window(t);
        return e;
    }

    EngineEvent windowEvent(final EventType type, final CentreState centre, final WindowState w)
    {
        final EngineEvent e = event(type);
        e.centre = centre.index;
        e.window = w.index;
        e.staff = w.staff;
        return e;
    }

    EngineEvent windowTicketEvent(final EventType type, final CentreState centre, final WindowState w,
        final int t)
    {
        final EngineEvent e = ticketEvent(type, centre, t);
        e.window = w.index;
        e.staff = w.staff;
        e.callCount = centre.tickets.callCount(t);
        return e;
    }

    // ------------------------------------------------------------------ hash, snapshot, invariants

    @Override
    public long stateHash()
    {
        return StateCodec.hash(this);
    }

    @Override
    public int snapshotFormat()
    {
        return StateCodec.VERSION;
    }

    @Override
    public void writeSnapshot(final DataOutput out) throws IOException
    {
        StateCodec.write(this, out);
    }

    @Override
    public void readSnapshot(final DataInput in) throws IOException
    {
        StateCodec.read(this, in);
    }

    /**
     * Checks the internal consistency of the whole state (tests call it after every command): every ticket in
     * exactly one state and, when waiting, in exactly its line; lines sorted and counted; windows and their
     * tickets and staff pointing at each other; counts by state adding up to tickets issued.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void validateInternalState()
    {
        StateInvariants.check(this);
    }

    // ------------------------------------------------------------------ NetworkView

    @Override
    public long nowMs()
    {
        return nowMs;
    }

    @Override
    public long epochDay()
    {
        return day;
    }

    @Override
    public int centreCount()
    {
        return centres.length;
    }

    @Override
    public int windowCount(final int centre)
    {
        return centres[centre].windows.length;
    }

    @Override
    public int serviceCount()
    {
        return serviceCount;
    }

    @Override
    public int staffCount()
    {
        return staff.length;
    }

    @Override
    public CentreSummary centreSummary(final int centre)
    {
        return views.centreSummary(centre);
    }

    @Override
    public List<QueueEntry> queue(final int centre, final int service)
    {
        return views.queue(centre, service);
    }

    @Override
    public TicketView ticket(final int centre, final int number)
    {
        return views.ticket(centre, number);
    }

    @Override
    public WindowView window(final int centre, final int window)
    {
        return views.window(centre, window);
    }

    @Override
    public StaffView staff(final int staffIndex)
    {
        return views.staff(staffIndex);
    }

    @Override
    public List<SlotView> freeSlots(final int centre, final int service, final long epochDay)
    {
        return views.freeSlots(centre, service, epochDay);
    }

    @Override
    public AppointmentView appointment(final int centre, final long code)
    {
        return views.appointment(centre, code);
    }

    @Override
    public CentreCounters counters(final int centre)
    {
        return views.counters(centre);
    }

    @Override
    public CentreKpi kpi(final int centre)
    {
        return kpis.centre(centre, nowMs, centres[centre].openWindows);
    }

    @Override
    public double[][] loadSchedule(final int centre)
    {
        return views.loadSchedule(centre);
    }

    @Override
    public long loadScheduleDays(final int weekday)
    {
        return schedule.days(weekday);
    }

    @Override
    public BalancerMode balancerMode()
    {
        return balancing.balancer.mode();
    }

    @Override
    public List<ProposalView> proposals()
    {
        return views.proposals();
    }

    @Override
    public int predictedWaitSeconds(final int centre, final int service)
    {
        return views.predictedWaitSeconds(centre, service);
    }
}

package okno.engine.state;

import okno.config.CentreDef;
import okno.config.Geo;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.config.QueueRules;
import okno.config.ServiceDef;
import okno.config.StaffDef;
import okno.config.WindowDef;
import okno.engine.api.AppointmentState;
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
import okno.engine.api.ServiceLine;
import okno.engine.api.SlotView;
import okno.engine.api.StaffMode;
import okno.engine.api.StaffView;
import okno.engine.api.StateMachine;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketState;
import okno.engine.api.TicketView;
import okno.engine.api.WindowMode;
import okno.engine.api.WindowView;
import okno.engine.balancer.Balancer;
import okno.engine.balancer.BalancerMode;
import okno.engine.balancer.BalancerRules;
import okno.engine.balancer.ProposalView;
import okno.engine.kpi.CentreKpi;
import okno.engine.kpi.KpiBook;
import okno.engine.kpi.LoadSchedule;
import okno.engine.policy.CallNextPolicy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The whole queue network as a deterministic state machine: tickets, lines, windows, staff, appointments,
 * counters and ETA estimates of every centre. Commands come in through {@link #apply}, which validates
 * completely before it changes anything: a rejected command sets its result, reports exactly one
 * {@link EventType#REJECTED} event and leaves the state as it was.
 *
 * <p><b>Time.</b> Time comes only from {@link Command#timestampMs}. Engine time is the latest time seen; an
 * earlier command is rejected. Before a command is applied, engine time advances to the command's time and
 * the timers due on the way fire in time order: staff arrivals and the start of a new local day (see
 * {@link #startDay}). {@link CommandType#QUERY} neither advances time nor changes anything (it is not
 * journaled). Note that time advances even when the command itself is then rejected.
 *
 * <p><b>Threading.</b> Engine thread only; not thread-safe. {@link #apply} allocates nothing once the ticket
 * pools and hash maps have grown to the size of a day; queries allocate their results.
 */
public final class NetworkState implements StateMachine, NetworkView
{
    private static final int NORMAL = PriorityClass.NORMAL.code();
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();
    private static final long HOUR_MS = 3_600_000L;

    final NetworkConfig config;
    final QueueRules rules;
    final DayCalendar calendar;
    final int serviceCount;
    private final char[] prefixes;
    private final int[] allowedPriorityMask;
    final CentreState[] centres;
    final StaffState[] staff;
    private final long[] travelMs;
    final Appointments appointments;
    final EtaPredictor eta;
    final KpiBook kpis;
    final LoadSchedule schedule;
    final BalancerHost balancing;
    private final CallNextPolicy policy = new CallNextPolicy();
    private final EngineEvent event = new EngineEvent();
    private final int[] singleService = new int[1];
    private EventListener listener = EventListener.NONE;

    long nowMs = Long.MIN_VALUE;
    long day = Long.MIN_VALUE;
    long nextArrivalMs = Long.MAX_VALUE;

    /** Builds the empty state of a network: no day started yet, every window closed, staff at home. */
    public NetworkState(final NetworkConfig config)
    {
        this.config = config;
        this.rules = config.rules();
        this.calendar = new DayCalendar(config.utcOffset());
        final NetworkIndex index = new NetworkIndex(config);
        final List<ServiceDef> services = config.services();
        serviceCount = services.size();
        prefixes = new char[serviceCount];
        allowedPriorityMask = new int[serviceCount];
        final long[] expectedMs = new long[serviceCount];
        for (int s = 0; s < serviceCount; s++)
        {
            final ServiceDef def = services.get(s);
            if (def.prefix() < 'A' || def.prefix() > 'Z')
            {
                throw new IllegalArgumentException("service " + def.id() + ": prefix must be A..Z: " + def.prefix());
            }
            prefixes[s] = def.prefix();
            for (final PriorityClass p : def.priorities())
            {
                allowedPriorityMask[s] |= 1 << p.code();
            }
            allowedPriorityMask[s] |= 1 << NORMAL;
            expectedMs[s] = Math.max(1, def.expectedMinutes()) * DayCalendar.MINUTE_MS;
        }
        centres = new CentreState[config.centres().size()];
        for (int c = 0; c < centres.length; c++)
        {
            centres[c] = buildCentre(c, config.centres().get(c), index);
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
            staff[i] = new StaffState(i, home, def.standby());
        }
        travelMs = travelTimes(config.centres(), rules.travelKmPerHour());
        appointments = new Appointments(config.seed(), centres.length, serviceCount);
        eta = new EtaPredictor(centres, expectedMs);
        kpis = new KpiBook(centres.length, rules.promiseMinutes() * DayCalendar.MINUTE_MS);
        schedule = new LoadSchedule(centres.length);
        balancing = new BalancerHost(this, BalancerRules.DEFAULT);
    }

    private CentreState buildCentre(final int c, final CentreDef def, final NetworkIndex index)
    {
        final DayHours[] hours = new DayHours[7];
        for (final DayOfWeek d : DayOfWeek.values())
        {
            hours[d.getValue() - 1] = def.hours().on(d);
        }
        final WindowState[] windows = new WindowState[def.windows().size()];
        for (int w = 0; w < windows.length; w++)
        {
            final WindowDef wd = def.windows().get(w);
            final int[] skillServices = new int[wd.skills().size()];
            final int[] skillWeights = new int[skillServices.length];
            int i = 0;
            for (final Map.Entry<String, Integer> skill : wd.skills().entrySet())
            {
                skillServices[i] = index.service(skill.getKey());
                if (skillServices[i] < 0)
                {
                    throw new IllegalArgumentException("centre " + def.id() + " window " + wd.id()
                        + ": unknown service " + skill.getKey());
                }
                skillWeights[i++] = Math.max(1, skill.getValue());
            }
            windows[w] = new WindowState(w, skillServices, skillWeights,
                serviceCount * CentreState.PRIORITY_CLASSES + w);
        }
        return new CentreState(c, hours, windows, serviceCount);
    }

    private static long[] travelTimes(final List<CentreDef> defs, final int kmPerHour)
    {
        final int n = defs.size();
        final long[] times = new long[n * n];
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                final double km = Geo.distanceKm(defs.get(a), defs.get(b));
                final long ms = Math.round(km / Math.max(1, kmPerHour) * HOUR_MS);
                times[a * n + b] = Math.max(DayCalendar.MINUTE_MS, ms);
            }
        }
        return times;
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
            advanceTo(command.timestampMs);
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

    private Result dispatch(final Command c)
    {
        switch (c.type)
        {
            case TICK:
                balancing.onTick();
                return Result.OK;
            case ISSUE_TICKET:
                return issueTicket(c);
            case CANCEL_TICKET:
                return cancelTicket(c);
            case BOOK_APPOINTMENT:
                return bookAppointment(c);
            case CANCEL_APPOINTMENT:
                return cancelAppointment(c);
            case CHECK_IN:
                return checkIn(c);
            case OPEN_WINDOW:
                return openWindow(c);
            case CLOSE_WINDOW:
                return closeWindow(c);
            case BREAK_WINDOW:
                return breakWindow(c);
            case CALL_NEXT:
                return callNext(c);
            case CALL_TICKET:
                return callTicket(c);
            case RECALL:
                return recall(c);
            case START_SERVICE:
                return startService(c);
            case COMPLETE_SERVICE:
                return completeService(c);
            case NO_SHOW:
                return noShow(c);
            case POSTPONE:
                return postpone(c);
            case TRANSFER:
                return transfer(c);
            case RATE:
                return rate(c);
            case ASSIGN_STAFF:
                return assignStaff(c);
            case SET_STANDBY:
                return setStandby(c);
            case SET_BALANCER_MODE:
                return balancing.setMode(c);
            case ACCEPT_PROPOSAL:
                return balancing.accept(c);
            default:
                return Result.UNKNOWN_COMMAND;
        }
    }

    // ------------------------------------------------------------------ time and timers

    private void advanceTo(final long timeMs)
    {
        while (true)
        {
            final long nextDayMs = day == Long.MIN_VALUE ? Long.MIN_VALUE : calendar.dayStartMs(day + 1);
            if (Math.min(nextDayMs, nextArrivalMs) > timeMs)
            {
                break;
            }
            if (nextDayMs <= nextArrivalMs)
            {
                startDay(calendar.epochDay(Math.min(timeMs, nextArrivalMs)));
            }
            else
            {
                fireArrivals(nextArrivalMs);
            }
        }
        nowMs = timeMs;
    }

    private void fireArrivals(final long dueMs)
    {
        nowMs = dueMs;
        long next = Long.MAX_VALUE;
        for (final StaffState s : staff)
        {
            if (s.mode == StaffMode.TRAVELLING)
            {
                if (s.arrivalMs <= dueMs)
                {
                    s.mode = StaffMode.STANDBY;
                    s.centre = s.targetCentre;
                    s.targetCentre = -1;
                    s.arrivalMs = 0;
                    final EngineEvent e = event(EventType.STAFF_ARRIVED);
                    e.staff = s.index;
                    e.centre = s.centre;
                    publish();
                }
                else
                {
                    next = Math.min(next, s.arrivalMs);
                }
            }
        }
        nextArrivalMs = next;
    }

    /**
     * Starts a new local day in every centre: open tickets (waiting, called, serving, postponed) are cancelled
     * with a {@link EventType#TICKET_CANCELLED} event (flag 1), open windows close, staff who are not travelling
     * start the day at home, numbers restart, the dedup tables of the old day and the appointments of past days
     * are dropped; then one {@link EventType#DAY_STARTED}.
     */
    private void startDay(final long newDay)
    {
        nowMs = Math.max(nowMs, calendar.dayStartMs(newDay));
        for (final CentreState centre : centres)
        {
            for (int i = 0; i < centre.ticketCount; i++)
            {
                final Ticket t = centre.tickets[i];
                if (t.state.isOpen())
                {
                    final EngineEvent e = ticketEvent(EventType.TICKET_CANCELLED, centre, t);
                    e.flag = 1;
                    publish();
                }
            }
            for (final WindowState w : centre.windows)
            {
                if (w.mode != WindowMode.CLOSED)
                {
                    final EngineEvent e = event(EventType.WINDOW_CLOSED);
                    e.centre = centre.index;
                    e.window = w.index;
                    e.staff = w.staff;
                    publish();
                    w.mode = WindowMode.CLOSED;
                    w.staff = -1;
                }
            }
            Arrays.fill(centre.openServing, 0);
            centre.openWindows = 0;
            centre.startDay();
        }
        for (final StaffState s : staff)
        {
            if (s.mode != StaffMode.TRAVELLING)
            {
                s.startDay();
            }
        }
        appointments.dropBefore(calendar.dayStartMs(newDay));
        kpis.startDay(calendar.dayStartMs(newDay));
        schedule.startDay(DayCalendar.dayOfWeek(newDay).getValue());
        balancing.balancer.startDay();
        day = newDay;
        event(EventType.DAY_STARTED);
        publish();
    }

    // ------------------------------------------------------------------ tickets

    private Result issueTicket(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (c.requestKey != 0 && answerDuplicateTicket(c, centre))
        {
            return Result.OK;
        }
        final Result servicesCheck = checkServices(c);
        if (servicesCheck != Result.OK)
        {
            return servicesCheck;
        }
        final PriorityClass priority = PriorityClass.fromCode(c.priority);
        if (priority == null)
        {
            return Result.BAD_PRIORITY;
        }
        for (int i = 0; i < c.serviceCount; i++)
        {
            if (priority.code() == APPOINTMENT || (allowedPriorityMask[c.services[i]] & (1 << priority.code())) == 0)
            {
                return Result.PRIORITY_NOT_ALLOWED;
            }
        }
        for (int i = 0; i < c.serviceCount; i++)
        {
            if (centre.offeredWindows[c.services[i]] == 0)
            {
                return Result.SERVICE_NOT_OFFERED;
            }
        }
        if (!isOpen(centre, nowMs))
        {
            return Result.CENTRE_CLOSED;
        }
        final Ticket t = createTicket(centre, c.services, c.serviceCount, priority.code(), 0, c);
        if (c.requestKey != 0)
        {
            centre.ticketByRequest.put(c.requestKey, t.index);
        }
        return Result.OK;
    }

    private boolean answerDuplicateTicket(final Command c, final CentreState centre)
    {
        final int original = (int)centre.ticketByRequest.get(c.requestKey);
        if (original < 0)
        {
            return false;
        }
        final Ticket t = centre.tickets[original];
        c.duplicate = true;
        c.resultTicket = t.number;
        c.resultAppointmentCode = t.appointmentCode;
        if (t.appointmentCode != 0)
        {
            c.resultSlotMs = appointments.slotMs(appointments.find(t.appointmentCode));
        }
        if (t.state == TicketState.WAITING)
        {
            final int ahead = ahead(centre, t);
            c.resultPosition = ahead + 1;
            c.resultEtaSeconds = etaSeconds(centre, t.currentService(), ahead);
        }
        return true;
    }

    private Result checkServices(final Command c)
    {
        if (c.serviceCount <= 0)
        {
            return Result.NO_SERVICES;
        }
        if (c.serviceCount > Command.MAX_SERVICES)
        {
            return Result.TOO_MANY_SERVICES;
        }
        for (int i = 0; i < c.serviceCount; i++)
        {
            final int s = c.services[i];
            if (s < 0 || s >= serviceCount)
            {
                return Result.UNKNOWN_SERVICE;
            }
            for (int j = 0; j < i; j++)
            {
                if (c.services[j] == s)
                {
                    return Result.DUPLICATE_SERVICE;
                }
            }
        }
        return Result.OK;
    }

    /** Creates, numbers and enqueues a ticket; writes the result fields and reports TICKET_ISSUED. */
    private Ticket createTicket(final CentreState centre, final int[] services, final int count, final int priority,
        final long appointmentCode, final Command c)
    {
        final Ticket t = centre.newTicket();
        final char prefix = prefixes[services[0]];
        final int serial = ++centre.serials[prefix - 'A'];
        t.number = TicketNumber.encode(prefix, serial);
        System.arraycopy(services, 0, t.services, 0, count);
        t.serviceCount = count;
        t.priority = priority;
        t.issuedMs = nowMs;
        t.appointmentCode = appointmentCode;
        centre.ticketByNumber.put(t.number, t.index);
        kpis.visitor(centre.index);
        schedule.arrival(centre.index, calendar.minuteOfDay(nowMs) / 60);
        final int ahead = centre.waitingFor(services[0]);
        centre.enqueue(t);
        c.resultTicket = t.number;
        c.resultPosition = ahead + 1;
        c.resultEtaSeconds = etaSeconds(centre, services[0], ahead);
        final EngineEvent e = ticketEvent(EventType.TICKET_ISSUED, centre, t);
        e.position = c.resultPosition;
        e.etaSeconds = c.resultEtaSeconds;
        e.appointmentCode = appointmentCode;
        publish();
        return t;
    }

    private Result cancelTicket(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final Ticket t = centre.ticketByNumber(c.ticketNumber);
        if (t == null)
        {
            return Result.UNKNOWN_TICKET;
        }
        if (t.state != TicketState.WAITING && t.state != TicketState.POSTPONED)
        {
            return Result.TICKET_NOT_WAITING;
        }
        centre.dequeue(t);
        centre.setState(t, TicketState.CANCELLED);
        c.resultTicket = t.number;
        ticketEvent(EventType.TICKET_CANCELLED, centre, t).flag = 0;
        publish();
        return Result.OK;
    }

    // ------------------------------------------------------------------ appointments

    private Result bookAppointment(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (c.requestKey != 0)
        {
            final long original = centre.appointmentByRequest.get(c.requestKey);
            if (original >= 0)
            {
                c.duplicate = true;
                c.resultAppointmentCode = original;
                c.resultSlotMs = appointments.slotMs(appointments.find(original));
                return Result.OK;
            }
        }
        if (c.serviceCount <= 0)
        {
            return Result.NO_SERVICES;
        }
        final int service = c.services[0];
        if (service < 0 || service >= serviceCount)
        {
            return Result.UNKNOWN_SERVICE;
        }
        if ((allowedPriorityMask[service] & (1 << APPOINTMENT)) == 0)
        {
            return Result.PRIORITY_NOT_ALLOWED;
        }
        if (centre.offeredWindows[service] == 0)
        {
            return Result.SERVICE_NOT_OFFERED;
        }
        if (!isSlotStart(centre, c.slotMs))
        {
            return Result.BAD_SLOT;
        }
        if (c.slotMs < nowMs)
        {
            return Result.SLOT_IN_PAST;
        }
        if (appointments.booked(centre.index, service, c.slotMs) >= slotCapacity(centre, service))
        {
            return Result.SLOT_FULL;
        }
        final int i = appointments.book(centre.index, service, c.slotMs);
        final long code = appointments.code(i);
        if (c.requestKey != 0)
        {
            centre.appointmentByRequest.put(c.requestKey, code);
        }
        c.resultAppointmentCode = code;
        c.resultSlotMs = c.slotMs;
        appointmentEvent(EventType.APPOINTMENT_BOOKED, i);
        publish();
        return Result.OK;
    }

    private Result cancelAppointment(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final int i = appointments.find(c.appointmentCode);
        if (i < 0 || appointments.centre(i) != centre.index)
        {
            return Result.UNKNOWN_APPOINTMENT;
        }
        if (appointments.state(i) != AppointmentState.ACTIVE)
        {
            return Result.APPOINTMENT_NOT_ACTIVE;
        }
        appointments.cancel(i);
        c.resultAppointmentCode = c.appointmentCode;
        c.resultSlotMs = appointments.slotMs(i);
        appointmentEvent(EventType.APPOINTMENT_CANCELLED, i);
        publish();
        return Result.OK;
    }

    private Result checkIn(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (c.requestKey != 0 && answerDuplicateTicket(c, centre))
        {
            return Result.OK;
        }
        final int i = appointments.find(c.appointmentCode);
        if (i < 0 || appointments.centre(i) != centre.index)
        {
            return Result.UNKNOWN_APPOINTMENT;
        }
        if (appointments.state(i) != AppointmentState.ACTIVE)
        {
            return Result.APPOINTMENT_NOT_ACTIVE;
        }
        final long slotMs = appointments.slotMs(i);
        if (nowMs < slotMs - rules.checkInEarlyMinutes() * DayCalendar.MINUTE_MS)
        {
            return Result.CHECK_IN_TOO_EARLY;
        }
        if (!isOpen(centre, nowMs))
        {
            return Result.CENTRE_CLOSED;
        }
        final boolean onTime = nowMs <= slotMs + rules.checkInLateMinutes() * DayCalendar.MINUTE_MS;
        appointments.use(i);
        final EngineEvent e = appointmentEvent(EventType.CHECKED_IN, i);
        e.priority = onTime ? APPOINTMENT : NORMAL;
        publish();
        singleService[0] = appointments.service(i);
        final Ticket t = createTicket(centre, singleService, 1, onTime ? APPOINTMENT : NORMAL, c.appointmentCode, c);
        if (c.requestKey != 0)
        {
            centre.ticketByRequest.put(c.requestKey, t.index);
        }
        c.resultAppointmentCode = c.appointmentCode;
        c.resultSlotMs = slotMs;
        return Result.OK;
    }

    /** @return whether {@code slotMs} starts a slot: a whole minute, {@code slotMinutes} steps from opening. */
    boolean isSlotStart(final CentreState centre, final long slotMs)
    {
        if (Math.floorMod(slotMs, DayCalendar.MINUTE_MS) != 0)
        {
            return false;
        }
        final DayHours hours = centre.hoursByDay[DayCalendar.dayOfWeek(calendar.epochDay(slotMs)).getValue() - 1];
        if (hours == null)
        {
            return false;
        }
        final int minute = calendar.minuteOfDay(slotMs);
        final int slotMinutes = rules.slotMinutes();
        return minute >= hours.openMinute() && minute + slotMinutes <= hours.closeMinute()
            && (minute - hours.openMinute()) % slotMinutes == 0;
    }

    /** @return bookings one slot of a service takes: the appointment share of the windows' capacity, at least 1. */
    int slotCapacity(final CentreState centre, final int service)
    {
        final long numerator = (long)rules.appointmentSharePercent() * centre.offeredWindows[service]
            * rules.slotMinutes();
        final long denominator = 100L * Math.max(1, config.services().get(service).expectedMinutes());
        return (int)Math.max(1, numerator / denominator);
    }

    // ------------------------------------------------------------------ windows

    private Result openWindow(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (!centre.hasWindow(c.window))
        {
            return Result.UNKNOWN_WINDOW;
        }
        if (c.staff < 0 || c.staff >= staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        final WindowState w = centre.windows[c.window];
        final StaffState s = staff[c.staff];
        if (w.mode == WindowMode.OPEN)
        {
            return Result.WINDOW_ALREADY_OPEN;
        }
        if (s.mode == StaffMode.TRAVELLING)
        {
            return Result.STAFF_TRAVELLING;
        }
        if (s.centre != centre.index)
        {
            return Result.STAFF_NOT_HERE;
        }
        if (w.mode == WindowMode.BREAK && w.staff != s.index)
        {
            return Result.WINDOW_ON_BREAK;
        }
        if (w.mode == WindowMode.CLOSED && (s.mode == StaffMode.AT_WINDOW || s.mode == StaffMode.BREAK))
        {
            return Result.STAFF_BUSY;
        }
        w.mode = WindowMode.OPEN;
        w.staff = s.index;
        s.mode = StaffMode.AT_WINDOW;
        s.window = w.index;
        countOpen(centre, w, 1);
        windowEvent(EventType.WINDOW_OPENED, centre, w);
        publish();
        return Result.OK;
    }

    private Result closeWindow(final Command c)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        if (w.mode == WindowMode.CLOSED)
        {
            return Result.WINDOW_CLOSED;
        }
        if (w.current != null)
        {
            return Result.WINDOW_BUSY;
        }
        closeIdleWindow(centres[c.centre], w);
        return Result.OK;
    }

    /** Closes a window without a current visitor: its staff leave it, its transfers go back to their lines. */
    private void closeIdleWindow(final CentreState centre, final WindowState w)
    {
        if (w.mode == WindowMode.OPEN)
        {
            countOpen(centre, w, -1);
        }
        windowEvent(EventType.WINDOW_CLOSED, centre, w);
        publish();
        final StaffState s = staff[w.staff];
        s.mode = s.idleMode();
        s.window = -1;
        w.mode = WindowMode.CLOSED;
        w.staff = -1;
        while (w.transfers.head != null)
        {
            final Ticket t = w.transfers.head;
            w.transfers.remove(t);
            t.targetWindow = -1;
            centre.enqueue(t);
        }
    }

    private Result breakWindow(final Command c)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        final Result open = checkOpen(w);
        if (open != Result.OK)
        {
            return open;
        }
        if (w.current != null)
        {
            return Result.WINDOW_BUSY;
        }
        final CentreState centre = centres[c.centre];
        countOpen(centre, w, -1);
        w.mode = WindowMode.BREAK;
        staff[w.staff].mode = StaffMode.BREAK;
        windowEvent(EventType.WINDOW_BREAK, centre, w);
        publish();
        return Result.OK;
    }

    private void countOpen(final CentreState centre, final WindowState w, final int delta)
    {
        kpis.openWindowsChanging(centre.index, nowMs, centre.openWindows);
        centre.openWindows += delta;
        for (int i = 0; i < w.skillCount(); i++)
        {
            centre.openServing[w.skillService(i)] += delta;
        }
    }

    private static Result checkOpen(final WindowState w)
    {
        if (w.mode == WindowMode.CLOSED)
        {
            return Result.WINDOW_CLOSED;
        }
        return w.mode == WindowMode.BREAK ? Result.WINDOW_ON_BREAK : Result.OK;
    }

    private Result checkReadyToCall(final WindowState w)
    {
        final Result open = checkOpen(w);
        if (open != Result.OK)
        {
            return open;
        }
        return w.current != null ? Result.WINDOW_BUSY : Result.OK;
    }

    private Result callNext(final Command c)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        final Result ready = checkReadyToCall(w);
        if (ready != Result.OK)
        {
            return ready;
        }
        final CentreState centre = centres[c.centre];
        final Ticket t = policy.pick(centre, w, nowMs, rules.escalationMinutes() * DayCalendar.MINUTE_MS,
            rules.priorityQuota());
        if (t == null)
        {
            return Result.NOTHING_TO_CALL;
        }
        if (t.priority == NORMAL)
        {
            centre.consecutivePriorityCalls = 0;
        }
        else if (policy.normalWaiting())
        {
            centre.consecutivePriorityCalls++;
        }
        call(centre, w, t, c);
        return Result.OK;
    }

    private Result callTicket(final Command c)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        final Result ready = checkReadyToCall(w);
        if (ready != Result.OK)
        {
            return ready;
        }
        final CentreState centre = centres[c.centre];
        final Ticket t = centre.ticketByNumber(c.ticketNumber);
        if (t == null)
        {
            return Result.UNKNOWN_TICKET;
        }
        if (t.state != TicketState.WAITING && t.state != TicketState.POSTPONED)
        {
            return Result.TICKET_NOT_WAITING;
        }
        if (w.weightOf(t.currentService()) == 0)
        {
            return Result.WINDOW_CANNOT_SERVE;
        }
        call(centre, w, t, c);
        return Result.OK;
    }

    private void call(final CentreState centre, final WindowState w, final Ticket t, final Command c)
    {
        centre.dequeue(t);
        t.targetWindow = -1;
        centre.setState(t, TicketState.CALLED);
        t.window = w.index;
        t.callCount = 1;
        t.calledMs = nowMs;
        final long waitMs = nowMs - t.issuedMs;
        if (!t.everCalled)
        {
            t.everCalled = true;
            centre.waitSumMs += waitMs;
            centre.waitCount++;
            centre.maxWaitMs = Math.max(centre.maxWaitMs, waitMs);
            kpis.waited(centre.index, waitMs);
        }
        w.current = t;
        c.resultTicket = t.number;
        final EngineEvent e = windowTicketEvent(EventType.TICKET_CALLED, centre, w, t);
        e.durationMs = waitMs;
        publish();
    }

    private Result recall(final Command c)
    {
        final Result check = checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        t.callCount++;
        c.resultTicket = t.number;
        windowTicketEvent(EventType.TICKET_RECALLED, centre, w, t);
        publish();
        return Result.OK;
    }

    private Result startService(final Command c)
    {
        final Result check = checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        centre.setState(t, TicketState.SERVING);
        t.serviceStartMs = nowMs;
        c.resultTicket = t.number;
        windowTicketEvent(EventType.SERVICE_STARTED, centre, w, t);
        publish();
        return Result.OK;
    }

    private Result completeService(final Command c)
    {
        final Result check = checkCurrent(c, TicketState.SERVING, Result.NOT_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        final int service = t.currentService();
        final long serviceMs = nowMs - t.serviceStartMs;
        eta.record(centre.index, service, serviceMs);
        kpis.served(centre.index, serviceMs);
        centre.servicesCompleted++;
        w.current = null;
        w.last = t;
        c.resultTicket = t.number;
        final EngineEvent e = windowTicketEvent(EventType.SERVICE_COMPLETED, centre, w, t);
        e.durationMs = serviceMs;
        e.flag = t.hasNextService() ? 1 : 0;
        publish();
        if (t.hasNextService())
        {
            t.currentServiceIndex++;
            t.callCount = 0;
            centre.enqueue(t);
        }
        else
        {
            centre.setState(t, TicketState.DONE);
        }
        return Result.OK;
    }

    private Result noShow(final Command c)
    {
        final Result check = checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        if (t.callCount < rules.maxCalls())
        {
            return Result.NO_SHOW_TOO_EARLY;
        }
        centre.setState(t, TicketState.NO_SHOW);
        w.current = null;
        c.resultTicket = t.number;
        windowTicketEvent(EventType.NO_SHOW, centre, w, t);
        publish();
        return Result.OK;
    }

    private Result postpone(final Command c)
    {
        final Result check = checkCurrent(c, TicketState.CALLED, Result.ALREADY_SERVING);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        c.resultTicket = t.number;
        windowTicketEvent(EventType.POSTPONED, centre, w, t);
        publish();
        centre.setState(t, TicketState.POSTPONED);
        t.window = -1;
        w.current = null;
        return Result.OK;
    }

    private Result transfer(final Command c)
    {
        final Result check = checkCurrent(c, null, Result.OK);
        if (check != Result.OK)
        {
            return check;
        }
        final CentreState centre = centres[c.centre];
        final WindowState w = centre.windows[c.window];
        final Ticket t = w.current;
        final Result target = checkTransferTarget(c, centre, w, t);
        if (target != Result.OK)
        {
            return target;
        }
        w.current = null;
        if (c.targetService >= 0)
        {
            t.services[t.currentServiceIndex] = c.targetService;
        }
        else
        {
            t.targetWindow = c.targetWindow;
        }
        t.callCount = 0;
        centre.enqueue(t);
        c.resultTicket = t.number;
        final EngineEvent e = windowTicketEvent(EventType.TRANSFERRED, centre, w, t);
        e.targetWindow = t.targetWindow;
        publish();
        return Result.OK;
    }

    private Result checkTransferTarget(final Command c, final CentreState centre, final WindowState w, final Ticket t)
    {
        if ((c.targetService >= 0) == (c.targetWindow >= 0))
        {
            return Result.TRANSFER_TARGET_INVALID;
        }
        if (c.targetService >= 0)
        {
            if (c.targetService >= serviceCount)
            {
                return Result.UNKNOWN_SERVICE;
            }
            if (centre.offeredWindows[c.targetService] == 0)
            {
                return Result.SERVICE_NOT_OFFERED;
            }
            for (int i = t.currentServiceIndex; i < t.serviceCount; i++)
            {
                if (t.services[i] == c.targetService)
                {
                    return Result.TRANSFER_TARGET_INVALID;
                }
            }
            return Result.OK;
        }
        if (!centre.hasWindow(c.targetWindow))
        {
            return Result.UNKNOWN_WINDOW;
        }
        final WindowState target = centre.windows[c.targetWindow];
        if (target == w || target.mode != WindowMode.OPEN || target.weightOf(t.currentService()) == 0)
        {
            return Result.TRANSFER_TARGET_INVALID;
        }
        return Result.OK;
    }

    private Result rate(final Command c)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        if (c.score < 1 || c.score > 5)
        {
            return Result.BAD_SCORE;
        }
        final Ticket t = w.current != null ? w.current : w.last;
        if (t == null)
        {
            return Result.NOTHING_TO_RATE;
        }
        if (t.rating != 0)
        {
            return Result.ALREADY_RATED;
        }
        final CentreState centre = centres[c.centre];
        t.rating = c.score;
        centre.ratingSum += c.score;
        centre.ratingCount++;
        kpis.rated(centre.index, c.score);
        if (w.staff >= 0)
        {
            staff[w.staff].ratingSum += c.score;
            staff[w.staff].ratingCount++;
        }
        c.resultTicket = t.number;
        final EngineEvent e = windowTicketEvent(EventType.RATED, centre, w, t);
        e.score = c.score;
        publish();
        return Result.OK;
    }

    /**
     * Checks the command's window has a current ticket, optionally in {@code expected} state.
     *
     * @param expected state the ticket must be in, or {@code null} for CALLED or SERVING
     * @param otherwise result when the ticket is in the other of the two states
     */
    private Result checkCurrent(final Command c, final TicketState expected, final Result otherwise)
    {
        final WindowState w = windowOrNull(c);
        if (w == null)
        {
            return windowLookupFailure(c);
        }
        if (w.current == null)
        {
            return Result.NO_CURRENT_TICKET;
        }
        return expected == null || w.current.state == expected ? Result.OK : otherwise;
    }

    // ------------------------------------------------------------------ staff

    private Result assignStaff(final Command c)
    {
        if (c.staff < 0 || c.staff >= staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        if (centreOrNull(c.targetCentre) == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final StaffState s = staff[c.staff];
        final Result free = checkStaffFree(s);
        if (free != Result.OK)
        {
            return free;
        }
        if (s.centre == c.targetCentre)
        {
            return Result.STAFF_ALREADY_THERE;
        }
        moveStaff(s.index, c.targetCentre, -1);
        return Result.OK;
    }

    /**
     * Sends a free staff member (see {@link #checkMovable}) on the way to another centre, closing their window
     * first when they sit idle at one; reports STAFF_MOVED with {@code flag} (a proposal id, or -1).
     */
    void moveStaff(final int member, final int target, final int flag)
    {
        final StaffState s = staff[member];
        if (s.mode == StaffMode.AT_WINDOW)
        {
            closeIdleWindow(centres[s.centre], centres[s.centre].windows[s.window]);
        }
        final long arrival = nowMs + travelMs(s.centre, target);
        final EngineEvent e = event(EventType.STAFF_MOVED);
        e.staff = s.index;
        e.centre = s.centre;
        e.targetCentre = target;
        e.arrivalMs = arrival;
        e.flag = flag;
        publish();
        kpis.moved(s.centre, target);
        balancing.balancer.moved(member, target, nowMs);
        s.mode = StaffMode.TRAVELLING;
        s.targetCentre = target;
        s.arrivalMs = arrival;
        nextArrivalMs = Math.min(nextArrivalMs, arrival);
    }

    /** @return OK when the staff member may be moved: off, on standby, or idle at an open window. */
    Result checkMovable(final int member)
    {
        final StaffState s = staff[member];
        if (s.mode == StaffMode.AT_WINDOW && balancing.idleAtWindow(member))
        {
            return Result.OK;
        }
        return checkStaffFree(s);
    }

    /** @return travel time between two centres. */
    long travelMs(final int from, final int to)
    {
        return travelMs[from * centres.length + to];
    }

    private Result setStandby(final Command c)
    {
        if (c.staff < 0 || c.staff >= staff.length)
        {
            return Result.UNKNOWN_STAFF;
        }
        if (c.flag != 0 && c.flag != 1)
        {
            return Result.BAD_FLAG;
        }
        final StaffState s = staff[c.staff];
        final Result free = checkStaffFree(s);
        if (free != Result.OK)
        {
            return free;
        }
        s.mode = c.flag == 1 ? StaffMode.STANDBY : StaffMode.OFF;
        final EngineEvent e = event(EventType.STAFF_STANDBY);
        e.staff = s.index;
        e.centre = s.centre;
        e.flag = c.flag;
        publish();
        return Result.OK;
    }

    private static Result checkStaffFree(final StaffState s)
    {
        if (s.mode == StaffMode.TRAVELLING)
        {
            return Result.STAFF_TRAVELLING;
        }
        if (s.mode == StaffMode.AT_WINDOW || s.mode == StaffMode.BREAK)
        {
            return Result.STAFF_BUSY;
        }
        return Result.OK;
    }

    // ------------------------------------------------------------------ helpers

    private CentreState centreOrNull(final int centre)
    {
        return centre >= 0 && centre < centres.length ? centres[centre] : null;
    }

    private WindowState windowOrNull(final Command c)
    {
        final CentreState centre = centreOrNull(c.centre);
        return centre != null && centre.hasWindow(c.window) ? centre.windows[c.window] : null;
    }

    private Result windowLookupFailure(final Command c)
    {
        return centreOrNull(c.centre) == null ? Result.UNKNOWN_CENTRE : Result.UNKNOWN_WINDOW;
    }

    boolean isOpen(final CentreState centre, final long timeMs)
    {
        final DayHours hours = centre.hoursByDay[DayCalendar.dayOfWeek(calendar.epochDay(timeMs)).getValue() - 1];
        return hours != null && hours.contains(calendar.minuteOfDay(timeMs));
    }

    /** @return waiting tickets of the same line (service lines: all classes of the service) before {@code t}. */
    int ahead(final CentreState centre, final Ticket t)
    {
        if (t.targetWindow >= 0)
        {
            return centre.windows[t.targetWindow].transfers.countBefore(t);
        }
        final int s = t.currentService();
        return centre.serviceQueue(s, 1).countBefore(t) + centre.serviceQueue(s, 2).countBefore(t)
            + centre.serviceQueue(s, 3).countBefore(t);
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

    private EngineEvent ticketEvent(final EventType type, final CentreState centre, final Ticket t)
    {
        final EngineEvent e = event(type);
        e.centre = centre.index;
        e.ticket = t.number;
        e.service = t.currentService();
        e.priority = t.priority;
        e.window = t.window;
        return e;
    }

    private EngineEvent windowEvent(final EventType type, final CentreState centre, final WindowState w)
    {
        final EngineEvent e = event(type);
        e.centre = centre.index;
        e.window = w.index;
        e.staff = w.staff;
        return e;
    }

    private EngineEvent windowTicketEvent(final EventType type, final CentreState centre, final WindowState w,
        final Ticket t)
    {
        final EngineEvent e = ticketEvent(type, centre, t);
        e.window = w.index;
        e.staff = w.staff;
        e.callCount = t.callCount;
        return e;
    }

    private EngineEvent appointmentEvent(final EventType type, final int i)
    {
        final EngineEvent e = event(type);
        e.centre = appointments.centre(i);
        e.service = appointments.service(i);
        e.appointmentCode = appointments.code(i);
        e.slotMs = appointments.slotMs(i);
        return e;
    }

    // ------------------------------------------------------------------ hash, snapshot, invariants

    @Override
    public long stateHash()
    {
        return StateCodec.hash(this);
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
        final CentreState cs = centres[centre];
        final List<ServiceLine> lines = new ArrayList<>();
        for (int s = 0; s < serviceCount; s++)
        {
            if (cs.offeredWindows[s] > 0)
            {
                final int waiting = cs.waitingFor(s);
                lines.add(new ServiceLine(s, waiting, cs.openServing[s], etaSeconds(cs, s, waiting)));
            }
        }
        return new CentreSummary(centre, cs.openWindows, cs.stateCounts[TicketState.WAITING.code()],
            cs.stateCounts[TicketState.POSTPONED.code()], cs.stateCounts[TicketState.DONE.code()],
            cs.waitCount == 0 ? 0 : cs.waitSumMs / cs.waitCount, cs.maxWaitMs, lines);
    }

    @Override
    public List<QueueEntry> queue(final int centre, final int service)
    {
        final CentreState cs = centres[centre];
        final List<QueueEntry> entries = new ArrayList<>();
        final List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < cs.ticketCount; i++)
        {
            final Ticket t = cs.tickets[i];
            if (t.state == TicketState.WAITING && t.currentService() == service)
            {
                tickets.add(t);
            }
        }
        tickets.sort((a, b) -> a.isBefore(b) ? -1 : b.isBefore(a) ? 1 : 0);
        for (final Ticket t : tickets)
        {
            entries.add(new QueueEntry(t.number, t.priority, t.issuedMs, t.targetWindow));
        }
        return entries;
    }

    @Override
    public TicketView ticket(final int centre, final int number)
    {
        final CentreState cs = centres[centre];
        final Ticket t = cs.ticketByNumber(number);
        if (t == null)
        {
            return null;
        }
        final List<Integer> services = new ArrayList<>(t.serviceCount);
        for (int i = 0; i < t.serviceCount; i++)
        {
            services.add(t.services[i]);
        }
        int position = -1;
        int etaSeconds = -1;
        if (t.state == TicketState.WAITING)
        {
            final int ahead = ahead(cs, t);
            position = ahead + 1;
            etaSeconds = etaSeconds(cs, t.currentService(), ahead);
        }
        return new TicketView(centre, t.number, t.state, t.priority, services, t.currentServiceIndex, t.issuedMs,
            position, etaSeconds, t.window, t.targetWindow, t.callCount, t.rating, t.appointmentCode);
    }

    @Override
    public WindowView window(final int centre, final int window)
    {
        final WindowState w = centres[centre].windows[window];
        final Ticket current = w.current;
        final long since = current == null ? 0
            : current.state == TicketState.SERVING ? current.serviceStartMs : current.calledMs;
        return new WindowView(centre, window, w.mode, w.staff, current == null ? -1 : current.number,
            current == null ? null : current.state, since, w.last == null ? -1 : w.last.number,
            w.last == null ? 0 : w.last.rating, w.transfers.size);
    }

    @Override
    public StaffView staff(final int staffIndex)
    {
        final StaffState s = staff[staffIndex];
        return new StaffView(s.index, s.mode, s.centre, s.window, s.targetCentre, s.arrivalMs, s.ratingSum,
            s.ratingCount);
    }

    @Override
    public List<SlotView> freeSlots(final int centre, final int service, final long epochDay)
    {
        final CentreState cs = centres[centre];
        final List<SlotView> slots = new ArrayList<>();
        final DayHours hours = cs.hoursByDay[DayCalendar.dayOfWeek(epochDay).getValue() - 1];
        if (hours == null || cs.offeredWindows[service] == 0
            || (allowedPriorityMask[service] & (1 << APPOINTMENT)) == 0)
        {
            return slots;
        }
        final int capacity = slotCapacity(cs, service);
        for (int m = hours.openMinute(); m + rules.slotMinutes() <= hours.closeMinute(); m += rules.slotMinutes())
        {
            final long slotMs = calendar.dayStartMs(epochDay) + m * DayCalendar.MINUTE_MS;
            final int booked = appointments.booked(centre, service, slotMs);
            if (slotMs >= nowMs && booked < capacity)
            {
                slots.add(new SlotView(slotMs, capacity, booked));
            }
        }
        return slots;
    }

    @Override
    public AppointmentView appointment(final int centre, final long code)
    {
        final int i = appointments.find(code);
        if (i < 0 || appointments.centre(i) != centre)
        {
            return null;
        }
        return new AppointmentView(code, centre, appointments.service(i), appointments.slotMs(i),
            appointments.state(i));
    }

    @Override
    public CentreCounters counters(final int centre)
    {
        final CentreState cs = centres[centre];
        final int[] n = cs.stateCounts;
        return new CentreCounters(centre, cs.ticketCount, n[TicketState.WAITING.code()],
            n[TicketState.CALLED.code()], n[TicketState.SERVING.code()], n[TicketState.DONE.code()],
            n[TicketState.NO_SHOW.code()], n[TicketState.POSTPONED.code()], n[TicketState.CANCELLED.code()],
            cs.servicesCompleted, cs.waitSumMs, cs.waitCount, cs.maxWaitMs, cs.ratingSum, cs.ratingCount);
    }

    @Override
    public CentreKpi kpi(final int centre)
    {
        return kpis.centre(centre, nowMs, centres[centre].openWindows);
    }

    @Override
    public double[][] loadSchedule(final int centre)
    {
        final double[][] means = new double[LoadSchedule.WEEKDAYS][LoadSchedule.HOURS];
        for (int d = 0; d < LoadSchedule.WEEKDAYS; d++)
        {
            for (int h = 0; h < LoadSchedule.HOURS; h++)
            {
                means[d][h] = schedule.meanArrivals(centre, d + 1, h);
            }
        }
        return means;
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
        final List<ProposalView> list = new ArrayList<>();
        final Balancer b = balancing.balancer;
        for (int i = 0; i < b.proposalCount(); i++)
        {
            list.add(new ProposalView(b.id(i), b.staff(i), b.from(i), b.to(i), b.score(i),
                travelMs(b.from(i), b.to(i))));
        }
        return list;
    }

    @Override
    public int predictedWaitSeconds(final int centre, final int service)
    {
        final CentreState cs = centres[centre];
        return cs.offeredWindows[service] == 0 ? -1 : etaSeconds(cs, service, cs.waitingFor(service));
    }
}

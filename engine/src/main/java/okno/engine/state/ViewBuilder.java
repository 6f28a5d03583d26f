package okno.engine.state;

import okno.config.DayHours;
import okno.config.PriorityClass;
import okno.engine.api.AppointmentView;
import okno.engine.api.CentreCounters;
import okno.engine.api.CentreSummary;
import okno.engine.api.QueueEntry;
import okno.engine.api.ServiceLine;
import okno.engine.api.SlotView;
import okno.engine.api.StaffView;
import okno.engine.api.TicketState;
import okno.engine.api.TicketView;
import okno.engine.api.WindowView;
import okno.engine.balancer.ProposalList;
import okno.engine.balancer.ProposalView;
import okno.engine.kpi.LoadSchedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers the {@link okno.engine.api.NetworkView} queries of {@link NetworkState} with freshly allocated
 * immutable views (queries are off the hot path). Engine thread only; reads, never changes.
 */
final class ViewBuilder
{
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();

    private final NetworkState state;
    private final AppointmentDesk appointmentDesk;

    ViewBuilder(final NetworkState state, final AppointmentDesk appointmentDesk)
    {
        this.state = state;
        this.appointmentDesk = appointmentDesk;
    }

    CentreSummary centreSummary(final int centre)
    {
        final CentreState cs = state.centres[centre];
        final List<ServiceLine> lines = new ArrayList<>();
        for (int s = 0; s < state.serviceCount; s++)
        {
            if (cs.offers(s))
            {
                final int waiting = cs.waitingFor(s);
                lines.add(new ServiceLine(s, waiting, cs.load.openServing(s), state.etaSeconds(cs, s, waiting)));
            }
        }
        return new CentreSummary(centre, cs.openWindows, cs.stateCounts[TicketState.WAITING.code()],
            cs.stateCounts[TicketState.POSTPONED.code()], cs.stateCounts[TicketState.DONE.code()],
            cs.waitCount == 0 ? 0 : cs.waitSumMs / cs.waitCount, cs.maxWaitMs, lines,
            state.balancing.balancer.queueGrowthPerHour(centre));
    }

    List<QueueEntry> queue(final int centre, final int service)
    {
        final CentreState cs = state.centres[centre];
        final List<QueueEntry> entries = new ArrayList<>();
        final TicketTable tickets = cs.tickets;
        final List<Integer> waiting = new ArrayList<>();
        for (int t = 0; t < tickets.count(); t++)
        {
            if (tickets.state(t) == TicketState.WAITING && tickets.currentService(t) == service)
            {
                waiting.add(t);
            }
        }
        waiting.sort((a, b) -> Long.compare(tickets.orderKey(a), tickets.orderKey(b)));
        for (final int t : waiting)
        {
            entries.add(new QueueEntry(tickets.number(t), tickets.priority(t), tickets.issuedMs(t),
                tickets.targetWindow(t)));
        }
        return entries;
    }

    TicketView ticket(final int centre, final int number)
    {
        final CentreState cs = state.centres[centre];
        final int t = cs.ticketByNumber(number);
        if (t == TicketTable.NONE)
        {
            return null;
        }
        final TicketTable tickets = cs.tickets;
        final List<Integer> services = new ArrayList<>(tickets.serviceCount(t));
        for (int i = 0; i < tickets.serviceCount(t); i++)
        {
            services.add(tickets.service(t, i));
        }
        int position = -1;
        int etaSeconds = -1;
        if (tickets.state(t) == TicketState.WAITING)
        {
            final int ahead = state.ahead(cs, t);
            position = ahead + 1;
            etaSeconds = state.etaSeconds(cs, tickets.currentService(t), ahead);
        }
        return new TicketView(centre, tickets.number(t), tickets.state(t), tickets.priority(t), services,
            tickets.step(t), tickets.issuedMs(t), position, etaSeconds, tickets.window(t), tickets.targetWindow(t),
            tickets.callCount(t), tickets.rating(t), tickets.appointmentCode(t));
    }

    WindowView window(final int centre, final int window)
    {
        final CentreState cs = state.centres[centre];
        final TicketTable tickets = cs.tickets;
        final WindowState w = cs.windows[window];
        final int current = w.current;
        final boolean calling = current != TicketTable.NONE;
        final long since = !calling ? 0 : tickets.state(current) == TicketState.SERVING
            ? tickets.serviceStartMs(current) : tickets.calledMs(current);
        final boolean served = w.last != TicketTable.NONE;
        return new WindowView(centre, window, w.mode, w.staff, calling ? tickets.number(current) : -1,
            calling ? tickets.state(current) : null, since, served ? tickets.number(w.last) : -1,
            served ? tickets.rating(w.last) : 0, cs.lines.size(cs.transferLine(window)), servedBy(cs, window));
    }

    private List<Integer> servedBy(final CentreState centre, final int window)
    {
        final List<Integer> services = new ArrayList<>();
        final WindowSkills skills = centre.skills();
        for (int word = 0; word < skills.words(); word++)
        {
            for (long bits = skills.bits(window, word); bits != 0; bits &= bits - 1)
            {
                services.add((word << 6) + Long.numberOfTrailingZeros(bits));
            }
        }
        return services;
    }

    StaffView staff(final int staffIndex)
    {
        final StaffState s = state.staff[staffIndex];
        return new StaffView(s.index, s.mode, s.centre, s.window, s.targetCentre, s.arrivalMs, s.ratingSum,
            s.ratingCount);
    }

    List<SlotView> freeSlots(final int centre, final int service, final long epochDay)
    {
        final CentreState cs = state.centres[centre];
        final List<SlotView> slots = new ArrayList<>();
        final DayHours hours = cs.hoursOn(epochDay);
        if (hours == null || !cs.offers(service) || !state.catalog.allows(service, APPOINTMENT))
        {
            return slots;
        }
        final int capacity = appointmentDesk.slotCapacity(cs, service);
        final int slotMinutes = state.rules.slotMinutes();
        for (int m = hours.openMinute(); m + slotMinutes <= hours.closeMinute(); m += slotMinutes)
        {
            final long slotMs = state.calendar.dayStartMs(epochDay) + m * DayCalendar.MINUTE_MS;
            final int booked = state.appointments.booked(centre, service, slotMs);
            if (slotMs >= state.nowMs && booked < capacity)
            {
                slots.add(new SlotView(slotMs, capacity, booked));
            }
        }
        return slots;
    }

    AppointmentView appointment(final int centre, final long code)
    {
        final Appointments appointments = state.appointments;
        final int i = appointments.find(code);
        if (i < 0 || appointments.centre(i) != centre)
        {
            return null;
        }
        return new AppointmentView(code, centre, appointments.service(i), appointments.slotMs(i),
            appointments.state(i));
    }

    CentreCounters counters(final int centre)
    {
        final CentreState cs = state.centres[centre];
        final int[] n = cs.stateCounts;
        return new CentreCounters(centre, cs.tickets.count(), n[TicketState.WAITING.code()],
            n[TicketState.CALLED.code()], n[TicketState.SERVING.code()], n[TicketState.DONE.code()],
            n[TicketState.NO_SHOW.code()], n[TicketState.POSTPONED.code()], n[TicketState.CANCELLED.code()],
            cs.servicesCompleted, cs.waitSumMs, cs.waitCount, cs.maxWaitMs, cs.ratingSum, cs.ratingCount);
    }

    double[][] loadSchedule(final int centre)
    {
        final double[][] means = new double[LoadSchedule.WEEKDAYS][LoadSchedule.HOURS];
        for (int d = 0; d < LoadSchedule.WEEKDAYS; d++)
        {
            for (int h = 0; h < LoadSchedule.HOURS; h++)
            {
                means[d][h] = state.schedule.meanArrivals(centre, d + 1, h);
            }
        }
        return means;
    }

    List<ProposalView> proposals()
    {
        final List<ProposalView> list = new ArrayList<>();
        final ProposalList b = state.balancing.balancer.proposals();
        for (int i = 0; i < b.count(); i++)
        {
            list.add(new ProposalView(b.id(i), b.staff(i), b.from(i), b.to(i), b.score(i),
                state.travelMs(b.from(i), b.to(i)), b.line(i)));
        }
        return list;
    }

    int predictedWaitSeconds(final int centre, final int service)
    {
        final CentreState cs = state.centres[centre];
        return state.etaSeconds(cs, service, cs.waitingFor(service));
    }
}

package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.TicketNumber;
import okno.engine.api.TicketState;

/**
 * The kiosk side of a centre: issues tickets (request-id dedup included), numbers and enqueues them, and cancels
 * waiting ones. Appointment check-in creates its ticket here too. Engine thread only; allocation free.
 */
final class TicketDesk
{
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();

    private final NetworkState state;

    TicketDesk(final NetworkState state)
    {
        this.state = state;
    }

    Result issue(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (c.requestKey != 0 && answerDuplicate(c, centre))
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
            if (priority.code() == APPOINTMENT || !state.catalog.allows(c.services[i], priority.code()))
            {
                return Result.PRIORITY_NOT_ALLOWED;
            }
        }
        for (int i = 0; i < c.serviceCount; i++)
        {
            if (!centre.offers(c.services[i]))
            {
                return Result.SERVICE_NOT_OFFERED;
            }
        }
        if (!state.isOpen(centre, state.nowMs))
        {
            return Result.CENTRE_CLOSED;
        }
        final int t = create(centre, c.services, c.serviceCount, priority.code(), 0, c);
        if (c.requestKey != 0)
        {
            centre.ticketByRequest.put(c.requestKey, t);
        }
        return Result.OK;
    }

    /**
     * Answers a retried request with the ticket its first attempt made, if there was one.
     *
     * @return whether the request key was known (the result fields then describe the original ticket)
     */
    boolean answerDuplicate(final Command c, final CentreState centre)
    {
        final int original = (int)centre.ticketByRequest.get(c.requestKey);
        if (original < 0)
        {
            return false;
        }
        final TicketTable tickets = centre.tickets;
        final long appointmentCode = tickets.appointmentCode(original);
        c.duplicate = true;
        c.resultTicket = tickets.number(original);
        c.resultAppointmentCode = appointmentCode;
        if (appointmentCode != 0)
        {
            c.resultSlotMs = state.appointments.slotMs(state.appointments.find(appointmentCode));
        }
        if (state.resultsWanted && tickets.state(original) == TicketState.WAITING)
        {
            final int ahead = state.ahead(centre, original);
            c.resultPosition = ahead + 1;
            c.resultEtaSeconds = state.etaSeconds(centre, tickets.currentService(original), ahead);
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
            if (s < 0 || s >= state.serviceCount)
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

    /**
     * Creates, numbers and enqueues a ticket; writes the result fields and reports TICKET_ISSUED.
     *
     * @return the ticket's place in the centre's {@link TicketTable}
     */
    int create(final CentreState centre, final int[] services, final int count, final int priority,
        final long appointmentCode, final Command c)
    {
        final long nowMs = state.nowMs;
        final char prefix = state.catalog.prefix(services[0]);
        final int serial = ++centre.serials[prefix - 'A'];
        final int number = TicketNumber.encode(prefix, serial);
        final int t = centre.tickets.add(number, priority, services, count, nowMs, appointmentCode);
        centre.ticketByNumber.put(number, t);
        state.kpis.visitor(centre.index);
        state.schedule.arrival(centre.index, state.calendar.minuteOfDay(nowMs) / 60);
        final int ahead = centre.waitingFor(services[0]);
        centre.enqueue(t);
        c.resultTicket = number;
        if (state.resultsWanted)
        {
            c.resultPosition = ahead + 1;
            c.resultEtaSeconds = state.etaSeconds(centre, services[0], ahead);
        }
        final EngineEvent e = state.ticketEvent(EventType.TICKET_ISSUED, centre, t);
        e.position = c.resultPosition;
        e.etaSeconds = c.resultEtaSeconds;
        e.appointmentCode = appointmentCode;
        e.kiosk = c.kiosk;
        state.publish();
        return t;
    }

    Result cancel(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final int t = centre.ticketByNumber(c.ticketNumber);
        if (t == TicketTable.NONE)
        {
            return Result.UNKNOWN_TICKET;
        }
        final TicketState ticketState = centre.tickets.state(t);
        if (ticketState != TicketState.WAITING && ticketState != TicketState.POSTPONED)
        {
            return Result.TICKET_NOT_WAITING;
        }
        centre.dequeue(t);
        centre.setState(t, TicketState.CANCELLED);
        c.resultTicket = centre.tickets.number(t);
        state.ticketEvent(EventType.TICKET_CANCELLED, centre, t).flag = 0;
        state.publish();
        return Result.OK;
    }
}

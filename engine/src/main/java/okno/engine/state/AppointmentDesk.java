package okno.engine.state;

import okno.config.DayHours;
import okno.config.PriorityClass;
import okno.engine.api.AppointmentState;
import okno.engine.api.Command;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventType;
import okno.engine.api.Result;

/**
 * Pre-registration: books and cancels appointment slots (request-id dedup included) and checks visitors in,
 * turning an appointment into an {@code appointment} ticket (a {@code normal} one when late). Slot rules: a slot
 * starts every {@code slotMinutes} from opening; its capacity is the appointment share of the windows serving the
 * service. Engine thread only; allocation free.
 */
final class AppointmentDesk
{
    private static final int NORMAL = PriorityClass.NORMAL.code();
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();

    private final NetworkState state;
    private final TicketDesk tickets;
    private final int[] singleService = new int[1];

    AppointmentDesk(final NetworkState state, final TicketDesk tickets)
    {
        this.state = state;
        this.tickets = tickets;
    }

    Result book(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final Appointments appointments = state.appointments;
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
        final Result check = checkBooking(c, centre);
        if (check != Result.OK)
        {
            return check;
        }
        final int i = appointments.book(centre.index, c.services[0], c.slotMs);
        final long code = appointments.code(i);
        if (c.requestKey != 0)
        {
            centre.appointmentByRequest.put(c.requestKey, code);
        }
        c.resultAppointmentCode = code;
        c.resultSlotMs = c.slotMs;
        event(EventType.APPOINTMENT_BOOKED, i);
        state.publish();
        return Result.OK;
    }

    private Result checkBooking(final Command c, final CentreState centre)
    {
        if (c.serviceCount <= 0)
        {
            return Result.NO_SERVICES;
        }
        final int service = c.services[0];
        if (service < 0 || service >= state.serviceCount)
        {
            return Result.UNKNOWN_SERVICE;
        }
        if (!state.catalog.allows(service, APPOINTMENT))
        {
            return Result.PRIORITY_NOT_ALLOWED;
        }
        if (!centre.offers(service))
        {
            return Result.SERVICE_NOT_OFFERED;
        }
        if (!isSlotStart(centre, c.slotMs))
        {
            return Result.BAD_SLOT;
        }
        if (c.slotMs < state.nowMs)
        {
            return Result.SLOT_IN_PAST;
        }
        if (state.appointments.booked(centre.index, service, c.slotMs) >= slotCapacity(centre, service))
        {
            return Result.SLOT_FULL;
        }
        return Result.OK;
    }

    Result cancel(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        final Appointments appointments = state.appointments;
        final int i = appointments.find(c.appointmentCode);
        final Result active = checkActive(i, centre);
        if (active != Result.OK)
        {
            return active;
        }
        appointments.cancel(i);
        c.resultAppointmentCode = c.appointmentCode;
        c.resultSlotMs = appointments.slotMs(i);
        event(EventType.APPOINTMENT_CANCELLED, i);
        state.publish();
        return Result.OK;
    }

    Result checkIn(final Command c)
    {
        final CentreState centre = state.centreOrNull(c.centre);
        if (centre == null)
        {
            return Result.UNKNOWN_CENTRE;
        }
        if (c.requestKey != 0 && tickets.answerDuplicate(c, centre))
        {
            return Result.OK;
        }
        final Appointments appointments = state.appointments;
        final int i = appointments.find(c.appointmentCode);
        final Result active = checkActive(i, centre);
        if (active != Result.OK)
        {
            return active;
        }
        final long nowMs = state.nowMs;
        final long slotMs = appointments.slotMs(i);
        if (nowMs < slotMs - state.rules.checkInEarlyMinutes() * DayCalendar.MINUTE_MS)
        {
            return Result.CHECK_IN_TOO_EARLY;
        }
        if (!state.isOpen(centre, nowMs))
        {
            return Result.CENTRE_CLOSED;
        }
        final boolean onTime = nowMs <= slotMs + state.rules.checkInLateMinutes() * DayCalendar.MINUTE_MS;
        appointments.use(i);
        final EngineEvent e = event(EventType.CHECKED_IN, i);
        e.priority = onTime ? APPOINTMENT : NORMAL;
        state.publish();
        singleService[0] = appointments.service(i);
        final int t = tickets.create(centre, singleService, 1, onTime ? APPOINTMENT : NORMAL, c.appointmentCode, c);
        if (c.requestKey != 0)
        {
            centre.ticketByRequest.put(c.requestKey, t);
        }
        c.resultAppointmentCode = c.appointmentCode;
        c.resultSlotMs = slotMs;
        return Result.OK;
    }

    /** @return OK when appointment {@code i} (-1: no such code) is an active one of the centre, else why not. */
    private Result checkActive(final int i, final CentreState centre)
    {
        if (i < 0 || state.appointments.centre(i) != centre.index)
        {
            return Result.UNKNOWN_APPOINTMENT;
        }
        return state.appointments.state(i) == AppointmentState.ACTIVE ? Result.OK : Result.APPOINTMENT_NOT_ACTIVE;
    }

    /** @return whether {@code slotMs} starts a slot: a whole minute, {@code slotMinutes} steps from opening. */
    boolean isSlotStart(final CentreState centre, final long slotMs)
    {
        if (Math.floorMod(slotMs, DayCalendar.MINUTE_MS) != 0)
        {
            return false;
        }
        final DayHours hours = centre.hoursOn(state.calendar.epochDay(slotMs));
        if (hours == null)
        {
            return false;
        }
        final int minute = state.calendar.minuteOfDay(slotMs);
        final int slotMinutes = state.rules.slotMinutes();
        return minute >= hours.openMinute() && minute + slotMinutes <= hours.closeMinute()
            && (minute - hours.openMinute()) % slotMinutes == 0;
    }

    /** @return bookings one slot of a service takes: the appointment share of the windows' capacity, at least 1. */
    int slotCapacity(final CentreState centre, final int service)
    {
        final long numerator = (long)state.rules.appointmentSharePercent() * centre.offeredWindows(service)
            * state.rules.slotMinutes();
        final long denominator = 100L * Math.max(1, state.catalog.expectedMinutes(service));
        return (int)Math.max(1, numerator / denominator);
    }

    private EngineEvent event(final EventType type, final int i)
    {
        final Appointments appointments = state.appointments;
        final EngineEvent e = state.event(type);
        e.centre = appointments.centre(i);
        e.service = appointments.service(i);
        e.appointmentCode = appointments.code(i);
        e.slotMs = appointments.slotMs(i);
        return e;
    }
}

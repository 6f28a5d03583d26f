package okno.protocol.api;

import okno.config.NetworkIndex;
import okno.config.PriorityClass;
import okno.engine.api.TicketNumber;
import okno.protocol.auth.Principal;
import okno.protocol.http.ApiException;

/** Turns ids from paths and bodies into engine indexes, answering unknown ones with a precise 4xx. */
final class IdResolver
{
    private final NetworkIndex index;

    IdResolver(final NetworkIndex index)
    {
        this.index = index;
    }

    NetworkIndex index()
    {
        return index;
    }

    int centre(final String id)
    {
        final int centre = index.centre(id);
        if (centre < 0)
        {
            throw ApiException.notFound("unknown_centre", "No centre '" + id + "'.");
        }
        return centre;
    }

    /**
     * @return the kiosk index of the caller's token (the engine hands it back with TICKET_ISSUED, so the slip
     *         prints at that kiosk), or -1 when the caller is no kiosk, e.g. an operator
     */
    int kiosk(final Principal caller)
    {
        return index.kiosk(caller.token());
    }

    int window(final int centre, final String id)
    {
        final int window = index.window(centre, id);
        if (window < 0)
        {
            throw ApiException.notFound("unknown_window", "Centre '" + index.centreAt(centre).id()
                + "' has no window '" + id + "'.");
        }
        return window;
    }

    int service(final String id)
    {
        if (id == null)
        {
            throw ApiException.badRequest("missing_field", "Field 'service' is required.");
        }
        final int service = index.service(id);
        if (service < 0)
        {
            throw ApiException.notFound("unknown_service", "No service '" + id + "'.");
        }
        return service;
    }

    int staff(final String id)
    {
        if (id == null)
        {
            throw ApiException.badRequest("missing_field", "Field 'staffId' is required.");
        }
        final int staff = index.staff(id);
        if (staff < 0)
        {
            throw ApiException.notFound("unknown_staff", "No staff member '" + id + "'.");
        }
        return staff;
    }

    static int ticketNumber(final String text)
    {
        final int number = TicketNumber.parse(text);
        if (number < 0)
        {
            throw ApiException.badRequest("bad_ticket_number",
                "'" + text + "' is not a ticket number (a letter and digits, e.g. A042).");
        }
        return number;
    }

    static PriorityClass priority(final String name)
    {
        if (name == null)
        {
            return PriorityClass.NORMAL;
        }
        final PriorityClass priority = PriorityClass.fromWireName(name);
        if (priority == null || priority == PriorityClass.APPOINTMENT)
        {
            throw ApiException.badRequest("bad_priority", "Field 'priority' must be 'normal' or 'accessibility'"
                + (priority == PriorityClass.APPOINTMENT ? "; appointment tickets come from check-in." : "."));
        }
        return priority;
    }

    static long appointmentCode(final String text)
    {
        if (text == null || text.isEmpty() || text.length() > 12 || !text.chars().allMatch(Character::isDigit))
        {
            throw ApiException.badRequest("bad_appointment_code", "'" + text + "' is not an appointment code.");
        }
        return Long.parseLong(text);
    }
}

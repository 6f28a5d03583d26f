package okno.engine.api;

import java.util.List;

/**
 * Snapshot of one window, built by {@link NetworkView#window}.
 *
 * @param centre           centre index
 * @param window           window index within the centre
 * @param mode             closed, open or on break
 * @param staff            staff index at the window, -1 when none
 * @param currentTicket    packed number of the ticket called or served, -1 when none
 * @param currentState     state of that ticket, {@code null} when none
 * @param currentSinceMs   when that ticket was called (CALLED) or its service started (SERVING), 0 when none
 * @param lastTicket       packed number of the last visit completed here today, -1 when none
 * @param lastRating       rating of that visit, 0 when not rated
 * @param transfersWaiting tickets transferred to this window and waiting for it
 * @param services         service indexes the window serves now, ascending: its desk's and those its staff member
 *                         is trained for
 */
public record WindowView(int centre, int window, WindowMode mode, int staff, int currentTicket,
    TicketState currentState, long currentSinceMs, int lastTicket, int lastRating, int transfersWaiting,
    List<Integer> services)
{
    public WindowView
    {
        services = List.copyOf(services);
    }
}

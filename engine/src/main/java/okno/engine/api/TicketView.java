package okno.engine.api;

import java.util.List;

/**
 * Snapshot of one ticket, built by {@link NetworkView#ticket}.
 *
 * @param centre              centre index
 * @param number              packed number, see {@link TicketNumber}
 * @param state               life-cycle state
 * @param priority            priority class code
 * @param services            service indexes of the visit in order
 * @param currentServiceIndex index into {@code services} of the service being waited for or served
 * @param issuedMs            original issue time (kept through multi-service steps and transfers)
 * @param position            1 = next in line for its current service, -1 when not waiting
 * @param etaSeconds          predicted wait, -1 when not waiting or when no open window serves its service
 * @param window              window calling or serving it, -1 when none
 * @param targetWindow        window it was transferred to and waits for, -1 when any window may call it
 * @param callCount           calls for the current service (first call plus recalls)
 * @param rating              score 1..5, 0 when not rated
 * @param appointmentCode     appointment it was checked in from, 0 when none
 */
public record TicketView(int centre, int number, TicketState state, int priority, List<Integer> services,
    int currentServiceIndex, long issuedMs, int position, int etaSeconds, int window, int targetWindow,
    int callCount, int rating, long appointmentCode)
{
    public TicketView
    {
        services = List.copyOf(services);
    }

    /** @return printed number, e.g. {@code A042}. */
    public String label()
    {
        return TicketNumber.format(number);
    }

    /** @return service index being waited for or served. */
    public int currentService()
    {
        return services.get(currentServiceIndex);
    }
}

package okno.engine.api;

import okno.engine.balancer.BalancerMode;
import okno.engine.balancer.ProposalView;
import okno.engine.kpi.CentreKpi;

import java.util.List;

/**
 * Read-only view of the engine state for {@link EngineQuery queries}: queues, positions, counters.
 * Used on the engine thread only, between commands; every method builds new immutable values (queries may
 * allocate, commands do not). Indexes are those of {@code okno.config.NetworkIndex}; a centre, window,
 * service or staff index out of range throws {@link IndexOutOfBoundsException} (edges check ids first).
 */
public interface NetworkView
{
    /** @return engine time: the latest command time seen, epoch milliseconds ({@link Long#MIN_VALUE} before any). */
    long nowMs();

    /** @return the current local day (days since 1970-01-01 in the network's UTC offset). */
    long epochDay();

    /** @return number of centres. */
    int centreCount();

    /** @return number of windows of a centre. */
    int windowCount(int centre);

    /** @return number of services. */
    int serviceCount();

    /** @return number of staff members. */
    int staffCount();

    /** @return open windows, waiting line and predicted waits of a centre. */
    CentreSummary centreSummary(int centre);

    /** @return tickets waiting for a service at a centre, oldest issue first (window transfers included). */
    List<QueueEntry> queue(int centre, int service);

    /** @return a ticket issued today at the centre, or {@code null} when there is none with that number. */
    TicketView ticket(int centre, int number);

    /** @return state of a window. */
    WindowView window(int centre, int window);

    /** @return state of a staff member. */
    StaffView staff(int staff);

    /**
     * @return slots of a local day that a booking could take now: not yet begun and not full, in time order;
     *     empty when the service is not offered or the centre is closed that day
     */
    List<SlotView> freeSlots(int centre, int service, long epochDay);

    /** @return an appointment booked at the centre, or {@code null}. */
    AppointmentView appointment(int centre, long code);

    /** @return today's counters of a centre. */
    CentreCounters counters(int centre);

    /**
     * @return predicted wait in seconds of a ticket for the service issued now, -1 when no open window serves it
     *         (not offered, closed, or nobody logged in for it)
     */
    int predictedWaitSeconds(int centre, int service);

    /** @return today's key figures of a centre (merge them with {@link CentreKpi#merge} for the network). */
    CentreKpi kpi(int centre);

    /**
     * @return mean arrivals per weekday (index 0 = Monday) and local hour (0..23), learnt from the whole days
     *     the engine has seen; 0 for weekdays not seen yet
     */
    double[][] loadSchedule(int centre);

    /** @return whole days of a weekday (1 = Monday .. 7) the load schedule has learnt from. */
    long loadScheduleDays(int weekday);

    /** @return the balancer mode. */
    BalancerMode balancerMode();

    /** @return the open balancer proposals, best first. */
    List<ProposalView> proposals();
}

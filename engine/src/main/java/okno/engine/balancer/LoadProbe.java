package okno.engine.balancer;

/**
 * What the {@link Balancer} reads of the network, allocation free, on the engine thread between commands.
 * The state machine implements it over its own fields.
 */
public interface LoadProbe
{
    /** @return number of centres. */
    int centreCount();

    /** @return number of staff members. */
    int staffCount();

    /** @return whether the centre is open now. */
    boolean isOpen(int centre);

    /** @return windows of the centre. */
    int windows(int centre);

    /** @return windows open now. */
    int openWindows(int centre);

    /** @return tickets waiting now, every line. */
    int waiting(int centre);

    /** @return work waiting: each waiting ticket's current service at its estimated service time, summed. */
    long backlogMs(int centre);

    /** @return number of services. */
    int serviceCount();

    /** @return tickets waiting for a service at the centre. */
    int waitingFor(int centre, int service);

    /** @return estimated service time of a service at the centre. */
    long serviceMs(int centre, int service);

    /** @return open windows of the centre serving the service now. */
    int openHaving(int centre, int service);

    /** @return closed windows of the centre whose desk has the service: anyone who opens one serves it. */
    int closedHaving(int centre, int service);

    /** @return whether the staff member is trained for the service: they serve it at any window. */
    boolean trained(int staff, int service);

    /** @return tickets issued today so far (growth is the difference between evaluations). */
    long issuedToday(int centre);

    /** @return whether any staff member is travelling (when not, {@link #staffMode} needs no scan for it). */
    boolean anyTravelling();

    /** @return stable code of the staff member's {@link okno.engine.api.StaffMode}. */
    int staffMode(int staff);

    /** @return the centre the staff member is at, or travels to when travelling. */
    int staffCentre(int staff);

    /** @return whether the staff member sits at an open window with no visitor. */
    boolean idleAtWindow(int staff);

    /** @return travel time between two centres. */
    long travelMs(int from, int to);
}

package okno.engine.api;

/**
 * Snapshot of one staff member, built by {@link NetworkView#staff}.
 *
 * @param staff        staff index
 * @param mode         current state
 * @param centre       centre index the member is at (the origin while travelling)
 * @param window       window index when at a window or on break, else -1
 * @param targetCentre destination while travelling, else -1
 * @param arrivalMs    arrival time while travelling, else 0
 * @param ratingSum    sum of the scores of the visits rated while this member was at the window
 * @param ratingCount  number of those ratings
 */
public record StaffView(int staff, StaffMode mode, int centre, int window, int targetCentre, long arrivalMs,
    long ratingSum, int ratingCount)
{
}

package okno.engine.balancer;

/**
 * An open balancer proposal as read by a query.
 *
 * @param id       proposal id (accept it with {@code ACCEPT_PROPOSAL})
 * @param staff    staff member index
 * @param from     centre index the staff member leaves
 * @param to       centre index the staff member is sent to
 * @param scoreMs  visitor-time saved minus travel time, ms
 * @param travelMs travel time, ms
 * @param line     service whose line (over the high mark) the move is for, or -1 when the centre as a whole is
 *                 overloaded
 */
public record ProposalView(int id, int staff, int from, int to, long scoreMs, long travelMs, int line)
{
}

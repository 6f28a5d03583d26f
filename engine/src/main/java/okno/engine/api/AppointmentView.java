package okno.engine.api;

/**
 * Snapshot of one appointment, built by {@link NetworkView#appointment}.
 *
 * @param code    8-digit code given to the visitor
 * @param centre  centre index
 * @param service service index
 * @param slotMs  slot start, epoch milliseconds
 * @param state   active, used (checked in) or cancelled
 */
public record AppointmentView(long code, int centre, int service, long slotMs, AppointmentState state)
{
}

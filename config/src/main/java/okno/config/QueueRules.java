package okno.config;

/**
 * Network-wide rules of the queue, all in whole minutes or counts.
 *
 * @param promiseMinutes           the wait the network promises (15: above it the visitor gets coffee)
 * @param escalationMinutes        a ticket waiting this long is called first by any window that can serve it
 * @param priorityQuota            at most this many accessibility/appointment calls per normal call while
 *                                 normal tickets wait
 * @param maxCalls                 calls (first call plus recalls) after which a no-show may be recorded
 * @param checkInEarlyMinutes      appointment check-in opens this long before the slot
 * @param checkInLateMinutes       check-in after slot + this becomes a normal ticket
 * @param slotMinutes              length of an appointment slot
 * @param appointmentSharePercent  share of window capacity reserved for appointments
 * @param travelKmPerHour          speed used to turn distance between centres into travel time
 */
public record QueueRules(int promiseMinutes, int escalationMinutes, int priorityQuota, int maxCalls,
    int checkInEarlyMinutes, int checkInLateMinutes, int slotMinutes, int appointmentSharePercent,
    int travelKmPerHour)
{
    /** The rules of the reference network. */
    public static final QueueRules DEFAULT = new QueueRules(15, 10, 2, 3, 60, 20, 15, 30, 20);
}

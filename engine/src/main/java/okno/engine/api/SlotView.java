package okno.engine.api;

/**
 * An appointment slot of one service at one centre, built by {@link NetworkView#freeSlots}.
 *
 * @param slotMs   slot start, epoch milliseconds
 * @param capacity bookings the slot takes
 * @param booked   active or used bookings
 */
public record SlotView(long slotMs, int capacity, int booked)
{
    /** @return bookings still possible. */
    public int free()
    {
        return capacity - booked;
    }
}

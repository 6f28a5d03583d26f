package okno.drivers.rating;

/**
 * Turns successive reads of (score, counter) from one panel into new ratings. The first read only sets the
 * baseline, so a restart of okno does not repeat the panel's last rating; after that, any change of the
 * counter (wrap-around included) with a score of 1..5 is one new rating. A rating given while the panel
 * could not be read is still reported once it answers again. Single-threaded.
 */
public final class RatingCounterTracker
{
    /** Returned by {@link #onRead} when there is no new rating. */
    public static final int NO_RATING = 0;

    private static final int UNKNOWN = -1;

    private int lastCounter = UNKNOWN;

    /**
     * @param score   score register
     * @param counter counter register (0..65535)
     * @return the new score, or {@link #NO_RATING}
     */
    public int onRead(final int score, final int counter)
    {
        final int previous = lastCounter;
        lastCounter = counter;
        if (previous == UNKNOWN || previous == counter || score < 1 || score > 5)
        {
            return NO_RATING;
        }
        return score;
    }
}

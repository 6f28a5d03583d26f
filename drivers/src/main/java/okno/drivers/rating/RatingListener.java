package okno.drivers.rating;

/**
 * Receives ratings. Called on the rating bus worker thread; must not block.
 */
@FunctionalInterface
public interface RatingListener
{
    /**
     * @param event one new rating
     */
    void onRating(RatingEvent event);
}

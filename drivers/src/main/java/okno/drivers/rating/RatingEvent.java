package okno.drivers.rating;

/**
 * A visitor's rating read from a panel.
 *
 * @param windowId    window of the panel
 * @param score       1..5
 * @param counter     the panel's rating counter after this rating
 * @param timestampMs wall-clock time the rating was read
 */
public record RatingEvent(String windowId, int score, int counter, long timestampMs)
{
}

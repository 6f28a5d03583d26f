package okno.drivers.rating;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RatingCounterTrackerTest
{
    @Test
    void firstReadIsBaselineThenEachCounterChangeWithValidScoreIsOneRating()
    {
        final RatingCounterTracker tracker = new RatingCounterTracker();

        assertEquals(RatingCounterTracker.NO_RATING, tracker.onRead(5, 10));
        assertEquals(RatingCounterTracker.NO_RATING, tracker.onRead(5, 10));
        assertEquals(3, tracker.onRead(3, 11));
        assertEquals(RatingCounterTracker.NO_RATING, tracker.onRead(0, 12));
        assertEquals(RatingCounterTracker.NO_RATING, tracker.onRead(6, 13));
        assertEquals(1, tracker.onRead(1, 14));
        assertEquals(5, tracker.onRead(5, 0), "wrap-around of the counter");
    }
}

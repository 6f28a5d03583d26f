package okno.engine.state;

import java.time.DayOfWeek;
import java.time.ZoneOffset;

/**
 * Local calendar arithmetic of the network on epoch milliseconds, with the network's fixed UTC offset:
 * local day number, minute of the day, weekday. Pure integer arithmetic: no time zone database, no clock.
 */
final class DayCalendar
{
    static final long MINUTE_MS = 60_000L;
    static final long DAY_MS = 86_400_000L;

    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    /** 1970-01-01 was a Thursday. */
    private static final int EPOCH_DAY_OF_WEEK_INDEX = 3;

    private final long offsetMs;

    DayCalendar(final ZoneOffset offset)
    {
        this.offsetMs = offset.getTotalSeconds() * 1000L;
    }

    /** @return local day number (days since 1970-01-01 local). */
    long epochDay(final long epochMs)
    {
        return Math.floorDiv(epochMs + offsetMs, DAY_MS);
    }

    /** @return local minute of the day, 0..1439. */
    int minuteOfDay(final long epochMs)
    {
        return (int)(Math.floorMod(epochMs + offsetMs, DAY_MS) / MINUTE_MS);
    }

    /** @return epoch milliseconds of local midnight starting that day. */
    long dayStartMs(final long epochDay)
    {
        return epochDay * DAY_MS - offsetMs;
    }

    /** @return weekday of a local day. */
    static DayOfWeek dayOfWeek(final long epochDay)
    {
        return DAYS[(int)Math.floorMod(epochDay + EPOCH_DAY_OF_WEEK_INDEX, 7L)];
    }
}

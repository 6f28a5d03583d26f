package okno.engine.kpi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The workload schedule learnt from history: tickets issued per centre, weekday and local hour, summed over
 * the days the engine has lived through, and the number of such days per weekday. The mean arrivals of an
 * hour are {@code sum / days}. Today's counts are folded in when the next day starts, so the schedule
 * covers whole days only. Part of the snapshot and state hash; engine thread only, allocation free.
 */
public final class LoadSchedule
{
    /** Hours of a day. */
    public static final int HOURS = 24;
    /** Days of a week, Monday = 1 .. Sunday = 7 as {@link java.time.DayOfWeek#getValue()}. */
    public static final int WEEKDAYS = 7;

    private final int centreCount;
    /** Sums at {@code (centre * 7 + weekday - 1) * 24 + hour}. */
    private final long[] sums;
    /** Whole days seen per weekday (network-wide: every centre lives through the same days). */
    private final long[] days = new long[WEEKDAYS];
    /** Today's arrivals at {@code centre * 24 + hour}. */
    private final long[] today;
    private int todayWeekday;

    /** @param centreCount number of centres */
    public LoadSchedule(final int centreCount)
    {
        this.centreCount = centreCount;
        sums = new long[centreCount * WEEKDAYS * HOURS];
        today = new long[centreCount * HOURS];
    }

    /** A ticket was issued at a centre in a local hour of today. */
    public void arrival(final int centre, final int hour)
    {
        today[centre * HOURS + hour]++;
    }

    /**
     * Closes the current day (if one was running) into the schedule and starts counting a new one.
     *
     * @param weekday weekday of the new day, 1..7
     */
    public void startDay(final int weekday)
    {
        if (todayWeekday != 0)
        {
            days[todayWeekday - 1]++;
            for (int c = 0; c < centreCount; c++)
            {
                final int base = (c * WEEKDAYS + todayWeekday - 1) * HOURS;
                for (int h = 0; h < HOURS; h++)
                {
                    sums[base + h] += today[c * HOURS + h];
                }
            }
        }
        Arrays.fill(today, 0);
        todayWeekday = weekday;
    }

    /** @return whole days of that weekday the schedule has learnt from. */
    public long days(final int weekday)
    {
        return days[weekday - 1];
    }

    /** @return mean arrivals at a centre in a weekday's hour; 0 when no such day was seen yet. */
    public double meanArrivals(final int centre, final int weekday, final int hour)
    {
        final long n = days[weekday - 1];
        return n == 0 ? 0 : sums[(centre * WEEKDAYS + weekday - 1) * HOURS + hour] / (double)n;
    }

    /** @return arrivals at a centre so far today in a local hour. */
    public long today(final int centre, final int hour)
    {
        return today[centre * HOURS + hour];
    }

    /** Feeds every value to a hash, in a fixed order. */
    public void hashInto(final LongConsumer hash)
    {
        hash.accept(todayWeekday);
        for (final long d : days)
        {
            hash.accept(d);
        }
        for (final long s : sums)
        {
            hash.accept(s);
        }
        for (final long t : today)
        {
            hash.accept(t);
        }
    }

    /** Writes the schedule. */
    public void write(final DataOutput out) throws IOException
    {
        out.writeInt(centreCount);
        out.writeInt(todayWeekday);
        for (final long[] part : new long[][]{days, sums, today})
        {
            for (final long v : part)
            {
                out.writeLong(v);
            }
        }
    }

    /** Replaces the schedule with one written by {@link #write}. */
    public void read(final DataInput in) throws IOException
    {
        final int n = in.readInt();
        if (n != centreCount)
        {
            throw new IOException("snapshot has a load schedule of " + n + " centres, the network has "
                + centreCount);
        }
        todayWeekday = in.readInt();
        for (final long[] part : new long[][]{days, sums, today})
        {
            for (int i = 0; i < part.length; i++)
            {
                part[i] = in.readLong();
            }
        }
    }
}

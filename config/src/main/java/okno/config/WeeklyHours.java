package okno.config;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Opening hours for each weekday, Monday first; a {@code null} day is closed.
 */
public final class WeeklyHours
{
    private final List<DayHours> days;

    /** @param days seven entries, Monday first, {@code null} for a closed day. */
    public WeeklyHours(final List<DayHours> days)
    {
        if (days.size() != 7)
        {
            throw new IllegalArgumentException("weekly hours need 7 days, got " + days.size());
        }
        this.days = Collections.unmodifiableList(new ArrayList<>(days));
    }

    /** @return the same hours every day of the week. */
    public static WeeklyHours everyDay(final DayHours hours)
    {
        return new WeeklyHours(Collections.nCopies(7, hours));
    }

    /** @return the hours of that day, or {@code null} when closed. */
    public DayHours on(final DayOfWeek day)
    {
        return days.get(day.getValue() - 1);
    }

    /** @return whether open at that weekday and minute of day. */
    public boolean isOpen(final DayOfWeek day, final int minuteOfDay)
    {
        final DayHours hours = on(day);
        return hours != null && hours.contains(minuteOfDay);
    }

    /** @return the seven days, Monday first. */
    public List<DayHours> days()
    {
        return days;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof WeeklyHours && ((WeeklyHours)o).days.equals(days);
    }

    @Override
    public int hashCode()
    {
        return days.hashCode();
    }

    @Override
    public String toString()
    {
        return "WeeklyHours" + days;
    }
}

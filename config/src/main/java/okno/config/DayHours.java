package okno.config;

/**
 * Opening hours of one day as minutes after local midnight, {@code open < close <= 1440}.
 *
 * @param openMinute  first minute the centre is open
 * @param closeMinute first minute the centre is closed again
 */
public record DayHours(int openMinute, int closeMinute)
{
    public DayHours
    {
        if (openMinute < 0 || closeMinute > 1440 || openMinute >= closeMinute)
        {
            throw new IllegalArgumentException("opening hours must satisfy 0 <= open < close <= 24:00, got "
                + openMinute + ".." + closeMinute + " minutes");
        }
    }

    /** @return whether the given minute of the day is within the hours. */
    public boolean contains(final int minuteOfDay)
    {
        return minuteOfDay >= openMinute && minuteOfDay < closeMinute;
    }
}

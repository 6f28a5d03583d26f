package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;

import java.time.DayOfWeek;

/**
 * The simulated day's virtual time: its weekday, its start, its end, the network's last closing and the current
 * instant the event loop has reached.
 */
final class DayClock
{
    /** The simulated day stops a minute before midnight, when the engine would start the next one. */
    private static final long DAY_END_MS = 24 * 3_600_000L - 60_000L;

    final DayOfWeek weekday;
    final long dayStartMs;
    final long dayEndMs;
    /** The last closing time of any centre today (the day start when none opens). */
    final long lastCloseMs;
    private long nowMs;

    DayClock(final Workload workload, final DayOfWeek weekday, final long dayStartMs)
    {
        this.weekday = weekday;
        this.dayStartMs = dayStartMs;
        this.dayEndMs = dayStartMs + DAY_END_MS;
        long close = dayStartMs;
        for (final CentreDef def : workload.network.centres())
        {
            final DayHours hours = def.hours().on(weekday);
            if (hours != null)
            {
                close = Math.max(close, dayStartMs + hours.closeMinute() * 60_000L);
            }
        }
        this.lastCloseMs = close;
        this.nowMs = dayStartMs;
    }

    /** @return the current virtual instant. */
    long nowMs()
    {
        return nowMs;
    }

    /** Moves virtual time to the next event's instant. */
    void advanceTo(final long timeMs)
    {
        nowMs = timeMs;
    }
}

package okno.drivers.testing;

import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DeviceStatusListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Collects status reports and lets a test wait for one that matches.
 */
public final class StatusRecorder implements DeviceStatusListener
{
    private final List<DeviceStatus> statuses = new ArrayList<>();

    @Override
    public synchronized void onDeviceStatus(final DeviceStatus status)
    {
        statuses.add(status);
        notifyAll();
    }

    /**
     * @return a copy of all reports so far
     */
    public synchronized List<DeviceStatus> all()
    {
        return List.copyOf(statuses);
    }

    /**
     * Waits for a report, counted from report number {@code from}, that matches.
     *
     * @param from      index of the first report to consider
     * @param deviceId  device
     * @param state     expected state
     * @param reason    expected reason prefix
     * @param timeoutMs longest wait
     * @return the matching report
     */
    public DeviceStatus await(
        final int from, final String deviceId, final DeviceState state, final String reason, final long timeoutMs)
    {
        return await(from, s -> s.deviceId().equals(deviceId) && s.state() == state && s.reason().startsWith(reason),
            deviceId + " " + state + " " + reason, timeoutMs);
    }

    /**
     * Waits for a report from index {@code from} on that matches a predicate.
     *
     * @param from        first index
     * @param match       predicate
     * @param description for the failure message
     * @param timeoutMs   longest wait
     * @return the matching report
     */
    public synchronized DeviceStatus await(
        final int from, final Predicate<DeviceStatus> match, final String description, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int next = from;
        while (true)
        {
            for (; next < statuses.size(); next++)
            {
                if (match.test(statuses.get(next)))
                {
                    return statuses.get(next);
                }
            }
            final long left = deadline - System.nanoTime();
            if (left <= 0)
            {
                return fail("no status " + description + " within " + timeoutMs + " ms; got " + statuses);
            }
            try
            {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }

    /**
     * @return number of reports so far
     */
    public synchronized int size()
    {
        return statuses.size();
    }
}

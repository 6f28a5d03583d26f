package okno.bench;

import okno.config.Networks;
import okno.engine.api.Command;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class WorkloadTest
{
    @Test
    void aSlotIsReusedOnlyAfterAllTheOthersEvenAcrossADayBoundary()
    {
        final Workload workload = Workload.generate(Networks.demo(), 42, 500, 0, 1);
        final int commands = 2 * workload.size() + Workload.SLOTS;
        final Command[] seen = new Command[commands];
        for (int i = 0; i < commands; i++)
        {
            seen[i] = workload.next();
        }
        for (int i = Workload.SLOTS; i < commands; i++)
        {
            assertSame(seen[i % Workload.SLOTS], seen[i], "command " + i);
        }
    }

    @Test
    void theNextDayRepeatsTheDayAWeekLater()
    {
        final Workload workload = Workload.generate(Networks.demo(), 42, 500, 0, 1);
        final String[] firstDay = new String[workload.size()];
        final long[] firstTimes = new long[workload.size()];
        for (int i = 0; i < workload.size(); i++)
        {
            final Command c = workload.next();
            firstDay[i] = describe(c);
            firstTimes[i] = c.timestampMs;
        }
        final String[] secondDay = new String[workload.size()];
        for (int i = 0; i < workload.size(); i++)
        {
            final Command c = workload.next();
            secondDay[i] = describe(c);
            assertEquals(firstTimes[i] + Workload.WEEK_MS, c.timestampMs);
        }
        assertArrayEquals(firstDay, secondDay);
    }

    private static String describe(final Command c)
    {
        return c.type + " " + c.centre + " " + c.window + " " + c.staff + " " + c.priority + " " + c.serviceCount
            + " " + c.services[0];
    }
}

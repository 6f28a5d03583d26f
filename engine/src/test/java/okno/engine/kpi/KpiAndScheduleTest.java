package okno.engine.kpi;

import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KpiAndScheduleTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void waitsServiceTimesUtilisationRatingsAndCoffeeAreCountedPerCentreAndMerged()
    {
        d.atMonday(9, 0);
        d.open("north", "w1", "anna");
        final int waits = 4;
        for (int i = 0; i < waits; i++)
        {
            d.issue("north", "passport");
        }
        d.issue("south", "tax");
        // calls after 0, 5, 10 and 20 minutes; each service lasts 5 minutes
        final int[] waitMinutes = {0, 5, 10, 20};
        for (int i = 0; i < waits; i++)
        {
            d.atMonday(9, waitMinutes[i]);
            d.callNext("north", "w1");
            d.act(CommandType.START_SERVICE, "north", "w1");
            d.advanceMinutes(5);
            d.act(CommandType.COMPLETE_SERVICE, "north", "w1");
            d.ok(d.windowCommand(CommandType.RATE, "north", "w1").score(i < 2 ? 5 : 3));
        }
        d.atMonday(10, 0).tick();
        final CentreKpi north = d.state.kpi(d.index.centre("north"));
        assertEquals(4, north.visitors());
        assertEquals(4, north.waited());
        assertEquals(35 * 60_000.0 / 4, north.meanWaitMs(), 1e-6);
        assertEquals(20 * 60_000L, north.maxWaitMs());
        assertEquals(5 * 60_000L + WaitHistogram.BUCKET_MS, north.waitQuantileMs(0.5), "upper edge of its bucket");
        assertEquals(20 * 60_000L, north.waitQuantileMs(0.99), "capped at the maximum");
        assertEquals(1, north.overPromise(), "only the 20-minute wait is over 15 minutes");
        assertEquals(0.25, north.overPromiseShare(), 1e-9);
        assertEquals(5 * 60_000.0, north.meanServiceMs(), 1e-6);
        assertEquals(60 * 60_000L, north.staffedMs(), "one window open for an hour");
        assertEquals(20.0 / 60.0, north.utilisation(), 1e-9);
        assertEquals(4.0, north.meanRating(), 1e-9);

        final CentreKpi network = CentreKpi.merge(List.of(north, d.state.kpi(d.index.centre("south"))));
        assertEquals(5, network.visitors());
        assertEquals(4, network.waited());
        assertEquals(-1, network.centre());
    }

    @Test
    void loadScheduleLearnsMeanArrivalsByWeekdayAndHourFromWholeDays()
    {
        final int north = d.index.centre("north");
        issueAt(TestNetworks.monday(9, 10), 3);
        issueAt(TestNetworks.monday(14, 30), 1);
        assertEquals(0.0, d.state.loadSchedule(north)[0][9], "today is not a whole day yet");
        issueAt(TestNetworks.at(TestNetworks.MONDAY.plusDays(7), 9, 5), 1);
        assertEquals(1, d.state.loadScheduleDays(1));
        assertEquals(3.0, d.state.loadSchedule(north)[0][9]);
        d.at(TestNetworks.at(TestNetworks.MONDAY.plusDays(8), 9, 0)).tick();
        final double[][] schedule = d.state.loadSchedule(north);
        assertEquals(2, d.state.loadScheduleDays(1));
        assertEquals(2.0, schedule[0][9], "(3 + 1) / 2 Mondays");
        assertEquals(0.5, schedule[0][14]);
        assertEquals(0.0, schedule[1][9], "Tuesdays had no arrivals");
        assertEquals(0, d.state.loadScheduleDays(2), "days without any command are not learnt");
    }

    private void issueAt(final long timeMs, final int count)
    {
        d.at(timeMs);
        for (int i = 0; i < count; i++)
        {
            d.issue("north", "passport");
        }
    }
}

package okno.server.sim;

import okno.config.CentreDef;
import okno.config.DayHours;
import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.config.PriorityClass;
import okno.config.QueueRules;
import okno.config.ServiceDef;
import okno.config.StaffDef;
import okno.config.WeeklyHours;
import okno.config.WindowDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationTest
{
    private static final LocalDate TUESDAY = LocalDate.of(2025, 3, 4);

    @Test
    void oneCentreOfIdenticalWindowsMatchesErlangC()
    {
        // M/M/5 with a = 4 erlangs: lambda = 0.4 per minute, 10-minute exponential services, 5 windows all day
        // (square-root staffing alone: without the plan's floor for the goals)
        final int windows = 5;
        final double a = 4.0;
        final NetworkConfig network = singleQueue(8);
        final SimSettings settings = new SimSettings(network, 7, 30, TUESDAY, List.of(SimPolicy.OKNO),
            (int)Math.round(a / 10 * 1440), 0.4, ShiftRules.NONE);
        final PolicyStats stats = new Simulation(settings, VisitorMix.MMC, false).run(Progress.NONE).get(0);

        final double erlangMean = ErlangC.meanWait(windows, a) * 10;
        final double erlangOver15 = ErlangC.waitExceeds(windows, a, 1.5);
        assertEquals(0.5541, ErlangC.waitProbability(windows, a), 1e-4, "textbook C(5, 4)");
        assertTrue(stats.visitors > 16_000, "30 days of about 576 visitors: " + stats.visitors);
        // about 17,000 waits in strongly correlated busy periods: allow 15 % on the mean, 20 % on the tail
        assertEquals(erlangMean, stats.meanWaitMinutes(), 0.15 * erlangMean,
            "simulated mean wait against Erlang C " + erlangMean);
        assertEquals(erlangOver15, stats.overPromiseShare(), 0.20 * erlangOver15,
            "simulated P(wait > 15 min) against Erlang C " + erlangOver15);
        assertEquals(windows * 24.0, stats.staffHoursPerDay(), 0.5, "five windows all day");
        assertEquals(a / windows, stats.utilisation(), 0.03);
    }

    @Test
    void theSameSeedWritesTheSameReport(@TempDir final Path dir) throws IOException
    {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        runDemo(3).write(first);
        runDemo(3).write(second);
        final Path other = dir.resolve("other");
        runDemo(4).write(other);

        final List<Path> files = list(first);
        assertEquals(List.of("index.html", "queue_by_centre.csv", "queue_by_centre.svg", "staff_moves.csv",
            "staff_moves.svg", "summary.csv", "wait_by_hour.csv", "wait_by_hour.svg"),
            files.stream().map(p -> p.getFileName().toString()).toList());
        for (final Path file : files)
        {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(second.resolve(file.getFileName())),
                file.getFileName().toString());
        }
        assertTrue(!Files.readString(first.resolve("summary.csv")).equals(
            Files.readString(other.resolve("summary.csv"))), "another seed, other visitors");
        final String summary = Files.readString(first.resolve("summary.csv"));
        assertTrue(summary.startsWith("policy,beta,days,visitors"), summary);
        assertEquals(6, summary.lines().count(), "header, three policies, two Erlang-C rows");
    }

    @Test
    void thePlanOpensWindowsWhereTheDemandIsNotInIndexOrder()
    {
        // windows 0-7 serve a 5-minute service, windows 8-15 a 40-minute one: the long one carries most load
        final NetworkConfig network = twoGroups(8);
        final Workload workload = new Workload(network, 150, 3, VisitorMix.MMC);
        final StaffingPlan plan = StaffingPlan.of(workload, TUESDAY.getDayOfWeek(), 0.5, true);
        final int hour = 12;
        int shortWindows = 0;
        int longWindows = 0;
        for (int k = 0; k < plan.size(0, hour); k++)
        {
            if (plan.window(0, hour, k) < 8)
            {
                shortWindows++;
            }
            else
            {
                longWindows++;
            }
        }
        final double perMinute = workload.arrivalsInHour(0, TUESDAY.getDayOfWeek(), hour) / 60;
        final double longLoad = perMinute * workload.serviceMinutes(0, 1);
        final double shortLoad = perMinute * workload.serviceMinutes(0, 0);
        assertTrue(longLoad > 3 * shortLoad, "the long service carries the load: " + longLoad + " vs " + shortLoad);
        assertTrue(longWindows >= Math.ceil(longLoad + 0.5 * Math.sqrt(longLoad)), "capacity for the long service: "
            + longWindows + " windows for " + longLoad + " erlangs");
        assertTrue(shortWindows >= 1 && shortWindows < longWindows, "the short service gets what its load and tail"
            + " need: " + shortWindows);
        assertEquals(0, plan.size(0, 3), "nobody comes at night");
    }

    @Test
    void breaksAreCoveredByColleaguesAndPaidShiftsCoverThem()
    {
        final NetworkConfig network = twoGroups(8);
        final PolicyStats withBreaks = runOneCentre(network, ShiftRules.CITY);
        final PolicyStats without = runOneCentre(network, ShiftRules.NONE);

        assertEquals(without.visitors, withBreaks.visitors, "the same visitors");
        // three 30-minute breaks in a 12-hour shift are paid but not at a window
        assertTrue(withBreaks.staffHoursPerDay() > 1.08 * withBreaks.windowHoursPerDay(), "breaks are paid: "
            + withBreaks.staffHoursPerDay() + " h for " + withBreaks.windowHoursPerDay() + " window-hours");
        assertEquals(without.windowHoursPerDay(), withBreaks.windowHoursPerDay(),
            0.05 * without.windowHoursPerDay(), "colleagues keep the planned windows open through breaks");
        assertTrue(withBreaks.meanWaitMinutes() < without.meanWaitMinutes() + 0.5, "breaks barely change waits: "
            + withBreaks.meanWaitMinutes() + " vs " + without.meanWaitMinutes());
        assertTrue(withBreaks.staffHoursPerDay() <= 16 * 12.0, "nobody works past a 12-hour shift");
    }

    @Test
    void theLeanestStaffingMeetsTheGoalsWithFewerHoursThanTheRichest()
    {
        final SimSettings settings = new SimSettings(twoGroups(16), 5, 5, TUESDAY, List.of(SimPolicy.OKNO), 200, 0.5,
            ShiftRules.CITY);
        final Simulation simulation = new Simulation(settings, VisitorMix.CITY, true);
        final PolicyStats leanest = simulation.leanest(SimPolicy.OKNO, Progress.NONE);
        final PolicyStats richest = simulation.runPolicy(SimPolicy.OKNO, 3.0, 0, Progress.NONE);
        assertTrue(leanest.meetsTargets(), "mean " + leanest.meanWaitMinutes() + ", tail " + leanest.overPromiseShare());
        assertTrue(leanest.staffing < 3.0 && leanest.windowHoursPerDay() < richest.windowHoursPerDay(),
            "beta " + leanest.staffing + ": " + leanest.windowHoursPerDay() + " vs " + richest.windowHoursPerDay());
    }

    @Test
    void withDemandSurpriseTheBalancerCutsTheTailAtEqualStaff()
    {
        // six neighbouring centres staffed for the schedule; real demand differs by centre (sigma 0.3). Both
        // policies get the same lean plan and no pool: the balancer can only lend idle staff of quiet centres
        final SimSettings settings = new SimSettings(ring(6, 10), 11, 5, TUESDAY,
            List.of(SimPolicy.OKNO, SimPolicy.BALANCER), 900, 0.0, ShiftRules.CITY, 0.3, 0);
        final Simulation simulation = new Simulation(settings, VisitorMix.CITY, true);
        final PolicyStats okno = simulation.runPolicy(SimPolicy.OKNO, 0.0, 0, Progress.NONE);
        final PolicyStats balanced = simulation.runPolicy(SimPolicy.BALANCER, 0.0, 0, Progress.NONE);

        assertEquals(okno.visitors, balanced.visitors, "the same visitors");
        assertTrue(okno.overPromiseShare() > 0.002, "the surprise hurts without help: " + okno.overPromiseShare());
        assertTrue(balanced.moves > 0, "the balancer moves staff");
        assertTrue(balanced.overPromiseShare() < 0.7 * okno.overPromiseShare(), "P(>15 min) "
            + balanced.overPromiseShare() + " with the balancer vs " + okno.overPromiseShare() + " without");
        assertEquals(okno.staffHoursPerDay(), balanced.staffHoursPerDay(), 0.05 * okno.staffHoursPerDay(),
            "equal staff: moved members only work elsewhere");
    }

    @Test
    void thePoolIsPaidForWholeShiftsAndOnlyTheBalancerHasOne()
    {
        final SimSettings settings = new SimSettings(ring(6, 10), 11, 1, TUESDAY,
            List.of(SimPolicy.OKNO, SimPolicy.BALANCER), 900, 0.0, ShiftRules.CITY, 0.3, 4);
        final List<PolicyStats> runs = new Simulation(settings, VisitorMix.CITY, true).run(Progress.NONE);
        assertEquals(0, runs.get(0).standby);
        assertEquals(0.0, runs.get(0).poolHoursPerDay());
        assertEquals(4, runs.get(1).standby);
        assertEquals(4 * 12.0, runs.get(1).poolHoursPerDay(), 1e-6, "four 12-hour shifts, used or not");
    }

    @Test
    void centreStaffArePaidTheirScheduledShiftLikeThePool()
    {
        // the centre opens 8:00-20:00; 12-hour shifts. Pay runs to the shift's end cut at the closing, or later
        // while still working, however little of it was at a window
        final NetworkConfig network = twoGroups(4);
        final Workload workload = new Workload(network, 100, 1, VisitorMix.CITY);
        final long dayStartMs = TUESDAY.atStartOfDay().toInstant(network.utcOffset()).toEpochMilli();
        final Hall hall = new Hall(workload);
        final Roster roster = new Roster(workload, ShiftRules.CITY, new DayClock(workload, TUESDAY.getDayOfWeek(),
            dayStartMs), hall);
        final long hour = 3_600_000L;
        final int early = roster.take(0, 0, dayStartMs + 8 * hour);
        roster.begin(early, dayStartMs + 8 * hour);
        roster.leave(early, dayStartMs + 9 * hour);
        assertEquals(12 * hour, roster.paidMs(false), "one hour at a window, a whole shift paid");
        final int late = roster.take(0, 0, dayStartMs + 17 * hour);
        assertTrue(late != early && late >= 0, "a fresh member when nobody on shift is free");
        roster.begin(late, dayStartMs + 17 * hour);
        roster.leave(late, dayStartMs + 20 * hour + 30 * 60_000L);
        assertEquals(12 * hour + 3.5 * hour, roster.paidMs(false), 1e-6, "the shift is cut at the closing, "
            + "draining the line after it is paid");
        roster.release(early, dayStartMs + 9 * hour);
        assertEquals(early, roster.take(0, 0, dayStartMs + 10 * hour), "a member on shift costs nothing more");
    }

    @Test
    void aMemberTheBalancerSendsOnAsTheyLandIsNotTakenForAWindow()
    {
        // a busy town short of staff 21 km (63 minutes, more than the balancer's cooldown) from a quiet one: a
        // helper who comes home when the busy town's line is empty lands there on standby just as it is over the
        // mark again, and the balancer sends them back in the same tick. The simulator must not count the landing
        // as the member being in the back office: the next window the quiet town opens would fail (travelling)
        final SimSettings settings = new SimSettings(twoTowns(21), 1, 3, TUESDAY, List.of(SimPolicy.BALANCER), 250,
            0.0, ShiftRules.CITY);
        final PolicyStats stats = new Simulation(settings, VisitorMix.CITY, true).runPolicy(SimPolicy.BALANCER, 0.0,
            0, Progress.NONE);

        assertTrue(stats.returns > 0, "helpers travel home: " + stats.returns);
        final Map<String, Long> outings = stats.moveLog.stream().filter(m -> m[2] == 1)
            .collect(Collectors.groupingBy(m -> m[4] + "/" + m[1], Collectors.counting()));
        assertTrue(outings.values().stream().anyMatch(n -> n > 1), "a member of the quiet town is sent out again "
            + "after coming home: " + outings);
    }

    @Test
    void visitorsToldOfALongWaitTakeTheNearbyCentreOknoOffers()
    {
        // the busy town has one member for its 4 windows, the quiet one 3 km away 24: its line grows long. okno's
        // kiosk offers the quiet town, and half of the visitors told of a long wait go there; fifo's kiosk predicts
        // nothing. The same visitors either way; each trip is 3 km at the network's 20 km/h
        final List<PolicyStats> none = new Simulation(towns(0.0), VisitorMix.CITY, true).run(Progress.NONE);
        final List<PolicyStats> half = new Simulation(towns(0.5), VisitorMix.CITY, true).run(Progress.NONE);
        final PolicyStats stay = none.get(1);
        final PolicyStats go = half.get(1);

        assertEquals(0, stay.redirected, "nobody takes an offer at share 0");
        assertEquals(0, half.get(0).redirected, "fifo offers nothing");
        assertTrue(go.redirected > 10, "visitors took the quiet town: " + go.redirected);
        assertEquals(go.redirected * 9 * 60_000L, go.redirectTravelMs, "3 km at 20 km/h is 9 minutes");
        assertEquals(stay.visitors, go.visitors, "the same visitors: a cancelled ticket is not a visit");
        assertTrue(stay.overPromiseShare() > 0.1, "P(>15) " + stay.overPromiseShare());
        assertTrue(go.overPromiseShare() < 0.7 * stay.overPromiseShare(), "P(>15) " + go.overPromiseShare()
            + " with the offer taken vs " + stay.overPromiseShare());
    }

    private static SimSettings towns(final double redirect)
    {
        return new SimSettings(twoTowns(3), 1, 1, TUESDAY, List.of(SimPolicy.FIFO, SimPolicy.OKNO), 250, 0.0,
            ShiftRules.CITY, 0.0, 0, redirect);
    }

    @Test
    void theSurpriseMovesDemandBetweenCentresNotTheScheduleOrTheNetworkTotal()
    {
        final DemandSurprise none = DemandSurprise.draw(130, 0, 42, TUESDAY);
        final DemandSurprise some = DemandSurprise.draw(130, 0.2, 42, TUESDAY);
        double sum = 0;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int c = 0; c < 130; c++)
        {
            assertEquals(1.0, none.factor(c, 12));
            sum += some.factor(c, 12);
            low = Math.min(low, some.factor(c, 12));
            high = Math.max(high, some.factor(c, 12));
        }
        assertEquals(1.0, sum / 130, 0.06, "mean one over the centres");
        assertTrue(low < 0.8 && high > 1.3, "some centres quieter, some busier: " + low + " .. " + high);
        assertEquals(some.factor(7, 9), DemandSurprise.draw(130, 0.2, 42, TUESDAY).factor(7, 9), "seeded");
    }

    private static PolicyStats runOneCentre(final NetworkConfig network, final ShiftRules shifts)
    {
        final SimSettings settings = new SimSettings(network, 5, 1, TUESDAY, List.of(SimPolicy.OKNO), 120, 0.5,
            shifts);
        return new Simulation(settings, VisitorMix.CITY, true).run(Progress.NONE).get(0);
    }

    /**
     * One centre open 08:00-20:00: {@code half} windows for a 5-minute service of agency A, {@code half} for a
     * 40-minute one of B; two staff members per window.
     */
    private static NetworkConfig twoGroups(final int half)
    {
        final ServiceDef quick = new ServiceDef("quick", "Q", "A", 5, Set.of(PriorityClass.NORMAL), 'A');
        final ServiceDef slow = new ServiceDef("slow", "S", "B", 40, Set.of(PriorityClass.NORMAL), 'B');
        final List<WindowDef> windowDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        for (int w = 0; w < 2 * half; w++)
        {
            final String service = w < half ? "quick" : "slow";
            windowDefs.add(new WindowDef("w" + w, Map.of(service, 5)));
            staff.add(new StaffDef("p" + w, "P" + w, "two", List.of(service), false));
            staff.add(new StaffDef("q" + w, "Q" + w, "two", List.of(service), false));
        }
        final CentreDef centre = new CentreDef("two", "Two", "D", 55.75, 37.62, false,
            WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60)), windowDefs);
        return new NetworkConfig("two", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, List.of(quick, slow),
            List.of(centre), staff, List.of());
    }

    /**
     * {@code centres} centres 1-2 km apart, open 08:00-20:00, each with {@code windows} windows for two services
     * of one agency (10 and 20 minutes), two staff members per window, and one standby pool member per centre.
     */
    private static NetworkConfig ring(final int centres, final int windows)
    {
        final ServiceDef shortOne = new ServiceDef("short", "Short", "A", 10, Set.of(PriorityClass.NORMAL), 'A');
        final ServiceDef longOne = new ServiceDef("long", "Long", "A", 20, Set.of(PriorityClass.NORMAL), 'B');
        final List<CentreDef> centreDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        for (int c = 0; c < centres; c++)
        {
            final List<WindowDef> windowDefs = new ArrayList<>();
            for (int w = 0; w < windows; w++)
            {
                windowDefs.add(new WindowDef("w" + w, Map.of("short", 5, "long", 5)));
                staff.add(new StaffDef("p" + c + "-" + w, "P", "c" + c, List.of("short", "long"), false));
                staff.add(new StaffDef("q" + c + "-" + w, "Q", "c" + c, List.of("short", "long"), false));
            }
            staff.add(new StaffDef("standby" + c, "S", "c" + c, List.of("short", "long"), true));
            final double angle = 2 * Math.PI * c / centres;
            centreDefs.add(new CentreDef("c" + c, "C" + c, "D", 55.75 + 0.01 * Math.sin(angle),
                37.62 + 0.016 * Math.cos(angle), false, WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60)),
                windowDefs));
        }
        return new NetworkConfig("ring", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, List.of(shortOne, longOne),
            centreDefs, staff, List.of());
    }

    /**
     * Two centres {@code km} apart on one parallel, open 08:00-20:00, with windows for two services of one agency
     * (10 and 20 minutes): a busy one of 4 windows and a single staff member, a quiet one of 12 windows and 24.
     */
    private static NetworkConfig twoTowns(final double km)
    {
        final ServiceDef shortOne = new ServiceDef("short", "Short", "A", 10, Set.of(PriorityClass.NORMAL), 'A');
        final ServiceDef longOne = new ServiceDef("long", "Long", "A", 20, Set.of(PriorityClass.NORMAL), 'B');
        final List<CentreDef> centreDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        final int[] windows = {4, 12};
        final int[] members = {1, 24};
        for (int c = 0; c < 2; c++)
        {
            final List<WindowDef> windowDefs = new ArrayList<>();
            for (int w = 0; w < windows[c]; w++)
            {
                windowDefs.add(new WindowDef("w" + w, Map.of("short", 5, "long", 5)));
            }
            for (int m = 0; m < members[c]; m++)
            {
                staff.add(new StaffDef("p" + c + "-" + m, "P", "c" + c, List.of("short", "long"), false));
            }
            centreDefs.add(new CentreDef("c" + c, "C" + c, "D", 55.75, 37.62 + c * km / 62.67, false,
                WeeklyHours.everyDay(new DayHours(8 * 60, 20 * 60)), windowDefs));
        }
        return new NetworkConfig("towns", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, List.of(shortOne, longOne),
            centreDefs, staff, List.of());
    }

    private static PolicyReport runDemo(final long seed)
    {
        final NetworkConfig demo = Networks.demo();
        // demand surprise and the whole standby pool on: the same seed must still give the same report
        final SimSettings settings = new SimSettings(demo, seed, 1, TUESDAY,
            List.of(SimPolicy.FIFO, SimPolicy.OKNO, SimPolicy.BALANCER), SimSettings.defaultVisitors(demo), 0.0,
            ShiftRules.CITY, 0.2, SimSettings.poolSize(demo));
        final Simulation simulation = new Simulation(settings);
        return new PolicyReport(settings, simulation.run(Progress.NONE), simulation.bound(0.0));
    }

    private static List<Path> list(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.sorted().toList();
        }
    }

    /** One centre open all day with {@code windows} identical windows for one 10-minute service. */
    private static NetworkConfig singleQueue(final int windows)
    {
        final ServiceDef service = new ServiceDef("s", "S", "agency", 10, Set.of(PriorityClass.NORMAL), 'A');
        final List<WindowDef> windowDefs = new ArrayList<>();
        final List<StaffDef> staff = new ArrayList<>();
        for (int w = 0; w < windows; w++)
        {
            windowDefs.add(new WindowDef("w" + w, Map.of("s", 1)));
            staff.add(new StaffDef("p" + w, "P" + w, "solo", List.of("s"), false));
        }
        final CentreDef centre = new CentreDef("solo", "Solo", "D", 55.75, 37.62, false,
            WeeklyHours.everyDay(new DayHours(0, 1440)), windowDefs);
        return new NetworkConfig("mmc", ZoneOffset.ofHours(3), 1, QueueRules.DEFAULT, List.of(service),
            List.of(centre), staff, List.of());
    }
}

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
        final int windows = 5;
        final double a = 4.0;
        final NetworkConfig network = singleQueue(8);
        final SimSettings settings = new SimSettings(network, 7, 30, TUESDAY, List.of(SimPolicy.OKNO),
            (int)Math.round(a / 10 * 1440), 0.4);
        final PolicyStats stats = new Simulation(settings, VisitorMix.MMC).run(Progress.NONE).get(0);

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

    private static PolicyReport runDemo(final long seed)
    {
        final NetworkConfig demo = Networks.demo();
        final SimSettings settings = new SimSettings(demo, seed, 1, TUESDAY,
            List.of(SimPolicy.FIFO, SimPolicy.OKNO, SimPolicy.BALANCER), SimSettings.defaultVisitors(demo), 0.0);
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

package okno.config;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworksTest
{
    @Test
    void demoHasTheDocumentedShape()
    {
        final NetworkConfig demo = Networks.demo();

        assertEquals("demo", demo.name());
        assertEquals(42, demo.seed());
        assertEquals(4, demo.centres().size());
        assertEquals(1, demo.centres().stream().filter(CentreDef::flagship).count());
        assertEquals(40, demo.windowCount());
        assertEquals(11, demo.services().size());
        assertEquals(41, demo.staff().size());
        assertEquals(4, demo.staff().stream().filter(StaffDef::standby).count());
        assertEquals(Map.of(Role.KIOSK, 5L, Role.TERMINAL, 4L, Role.DISPLAY, 1L, Role.OPERATOR, 1L),
            demo.tokens().stream().collect(Collectors.groupingBy(TokenDef::role, Collectors.counting())));
        assertEquals(6, demo.devices().size());
        for (final CentreDef centre : demo.centres())
        {
            assertTrue(centre.windows().size() >= 8 && centre.windows().size() <= 12, centre.id());
        }
    }

    @Test
    void demoExpandsWindowRangesAndPerDayHours()
    {
        final NetworkIndex index = new NetworkIndex(Networks.demo());
        final int vdnh = index.centre("vdnh");
        final int khamovniki = index.centre("khamovniki");

        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
            index.centreAt(vdnh).windows().stream().map(WindowDef::id).toList());
        assertEquals(index.windowAt(vdnh, 0).skills(), index.windowAt(vdnh, 3).skills());
        assertEquals(new DayHours(600, 1320), index.centreAt(vdnh).hours().on(DayOfWeek.SUNDAY));
        assertEquals(new DayHours(600, 1080), index.centreAt(khamovniki).hours().on(DayOfWeek.SUNDAY));
        assertEquals(new DayHours(480, 1200), index.centreAt(khamovniki).hours().on(DayOfWeek.MONDAY));
        assertEquals(new DeviceDef("display-tverskoy-1", DeviceKind.WINDOW_DISPLAY, "tverskoy", "/dev/ttyUSB1", 9600,
            1, "1", null), Networks.demo().devices().get(1));
    }

    @Test
    void moscowIsDeterministicPerSeed()
    {
        assertEquals(Networks.moscow(7), Networks.moscow(7));
        assertNotEquals(Networks.moscow(7), Networks.moscow(8));
        assertEquals(Networks.moscow(Networks.DEFAULT_SEED), Networks.byName("moscow"));
    }

    @Test
    void moscowHasTheReferenceSize()
    {
        for (final long seed : new long[]{1, 42, -5})
        {
            final NetworkConfig moscow = Networks.moscow(seed);

            assertEquals(130, moscow.centres().size());
            assertEquals(5, moscow.centres().stream().filter(CentreDef::flagship).count());
            assertTrue(moscow.windowCount() >= 5_800 && moscow.windowCount() <= 6_400, "" + moscow.windowCount());
            assertEquals(200, moscow.services().size());
            assertTrue(moscow.staff().size() >= 7_000 && moscow.staff().size() <= 10_000, "" + moscow.staff().size());
            final long standby = moscow.staff().stream().filter(StaffDef::standby).count();
            assertTrue(standby >= 0.04 * moscow.staff().size() && standby <= 0.06 * moscow.staff().size(),
                "" + standby);
            assertEquals(2 * 130 + 2, moscow.tokens().size());
        }
    }

    @Test
    void moscowCentresAreOpenLocatedAndOfferAlmostEveryService()
    {
        final NetworkConfig moscow = Networks.moscow(42);
        final Set<String> services = moscow.services().stream().map(ServiceDef::id).collect(Collectors.toSet());
        for (final CentreDef centre : moscow.centres())
        {
            final DayHours expectedHours = centre.flagship() ? new DayHours(600, 1320) : new DayHours(480, 1200);
            assertEquals(WeeklyHours.everyDay(expectedHours), centre.hours(), centre.id());
            final int size = centre.windows().size();
            assertTrue(centre.flagship() ? size >= 100 : size >= 20 && size <= 60, centre.id() + ": " + size);
            assertTrue(centre.latitude() >= 55.55 && centre.latitude() <= 55.92, centre.id());
            assertTrue(centre.longitude() >= 37.35 && centre.longitude() <= 37.85, centre.id());
            final Set<String> offered = new HashSet<>();
            for (final WindowDef window : centre.windows())
            {
                assertTrue(services.containsAll(window.skills().keySet()), centre.id() + "/" + window.id());
                assertTrue(window.skills().values().stream().allMatch(w -> w >= 1 && w <= 10));
                offered.addAll(window.skills().keySet());
            }
            assertTrue(offered.size() >= 0.93 * services.size(), centre.id() + " offers " + offered.size());
        }
        final Map<String, CentreDef> centres = moscow.centres().stream()
            .collect(Collectors.toMap(CentreDef::id, Function.identity()));
        assertEquals(130, centres.size());
        assertEquals(moscow.staff().size(), moscow.staff().stream().map(StaffDef::id).distinct().count());
        for (final StaffDef member : moscow.staff())
        {
            assertTrue(centres.containsKey(member.homeCentre()), member.id());
            assertTrue(services.containsAll(member.skills()), member.id());
        }
    }

    @Test
    void moscowIsGeneratedQuickly()
    {
        Networks.moscow(1);
        final long start = System.nanoTime();
        Networks.moscow(2);
        final long millis = (System.nanoTime() - start) / 1_000_000;
        // the target is well under a second; the margin absorbs a busy shared build machine
        assertTrue(millis < 2_000, "generation took " + millis + " ms");
    }

    @Test
    void byNameKnowsTheShippedNetworks()
    {
        assertEquals(Networks.demo(), Networks.byName("DEMO"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Networks.byName("x"));
        assertEquals("unknown network 'x' (known: demo, moscow)", e.getMessage());
        assertNull(DeviceKind.fromWireName("printer"));
        assertEquals(DeviceKind.HALL_BOARD, DeviceKind.fromWireName("hall-board"));
    }
}

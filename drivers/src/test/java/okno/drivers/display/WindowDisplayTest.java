package okno.drivers.display;

import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DriverTiming;
import okno.drivers.SerialPortConfig;
import okno.drivers.testing.Await;
import okno.drivers.testing.KeyRecorder;
import okno.drivers.testing.StatusRecorder;
import okno.drivers.testing.WindowBusSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowDisplayTest
{
    private static final DriverTiming FAST = new DriverTiming(100, 150, 500, 50, 400);

    private final StatusRecorder statuses = new StatusRecorder();
    private final KeyRecorder keys = new KeyRecorder();
    private WindowBusSimulator sim;
    private WindowDisplay bus;

    @BeforeEach
    void setUp() throws Exception
    {
        sim = new WindowBusSimulator(Set.of(5, 6));
        sim.start();
    }

    @AfterEach
    void tearDown() throws Exception
    {
        if (bus != null)
        {
            bus.close();
        }
        sim.close();
    }

    private void startBus(final DriverTiming timing)
    {
        bus = new WindowDisplay(
            new WindowDisplayConfig("hall-a", SerialPortConfig.of(sim.slavePath(), 19_200),
                List.of(new WindowAddress("w5", 5), new WindowAddress("w6", 6))),
            timing, Clock.systemUTC(), statuses, keys);
        bus.start();
        statuses.await(0, "hall-a/w5", DeviceState.ONLINE, "ok", 2_000);
        statuses.await(0, "hall-a/w6", DeviceState.ONLINE, "ok", 2_000);
    }

    @Test
    void callBlinksShowIsSteadyAndClearEmptiesTheDisplay()
    {
        startBus(FAST);

        bus.call("w5", "Б042");
        Await.until(() -> new WindowBusSimulator.Screen("Б042", true).equals(sim.screen(5)), "w5 blinks Б042", 2_000);
        bus.show("w5", "Б042");
        Await.until(() -> new WindowBusSimulator.Screen("Б042", false).equals(sim.screen(5)), "w5 shows Б042", 2_000);
        bus.show("w6", "A001");
        bus.clear("w5");
        Await.until(() -> new WindowBusSimulator.Screen("", false).equals(sim.screen(5)), "w5 cleared", 2_000);
        Await.until(() -> new WindowBusSimulator.Screen("A001", false).equals(sim.screen(6)), "w6 shows A001", 2_000);
        assertEquals(0, sim.badFrames());
        assertThrows(IllegalArgumentException.class, () -> bus.call("w7", "A1"));
    }

    @Test
    void keypadPressesBecomeKeyEventsOfTheirWindow() throws Exception
    {
        startBus(FAST);

        sim.press(6, '1');
        sim.press(6, '3');
        sim.press(5, '2');
        sim.press(6, '4');

        final List<String> got = List.of(keys.next(2_000), keys.next(2_000), keys.next(2_000), keys.next(2_000));
        assertEquals(List.of("w6:CALL_NEXT", "w6:START", "w6:COMPLETE"),
            got.stream().filter(k -> k.startsWith("w6")).toList());
        assertTrue(got.contains("w5:RECALL"), got.toString());
    }

    @Test
    void silentDisplayGoesOfflineWithinTwoSecondsAndGetsItsContentBack() throws Exception
    {
        startBus(DriverTiming.DEFAULT);

        sim.mute.add(6);
        final long mutedAt = System.currentTimeMillis();
        final DeviceStatus offline = statuses.await(0, "hall-a/w6", DeviceState.OFFLINE, "no response", 3_000);
        assertTrue(offline.timestampMs() - mutedAt <= 2_000, "offline after " + (offline.timestampMs() - mutedAt));
        assertTrue(bus.status("w5").state() == DeviceState.ONLINE);

        bus.call("w6", "C777");
        final int mark = statuses.size();
        sim.mute.remove(6);
        statuses.await(mark, "hall-a/w6", DeviceState.ONLINE, "ok", 2_000);
        Await.until(() -> new WindowBusSimulator.Screen("C777", true).equals(sim.screen(6)), "w6 blinks C777", 2_000);
        sim.press(6, '2');
        assertEquals("w6:RECALL", keys.next(2_000));
    }

    @Test
    void garbageOnTheLineIsSkippedAndTheBusKeepsWorking() throws Exception
    {
        startBus(FAST);
        final int mark = statuses.size();

        for (int i = 0; i < 5; i++)
        {
            sim.reply(new byte[] {(byte)0xFF, 0x07, 0x01, 0x26, 0x00, 0x13, 0x07, 0x01, 0x01});
            sim.press(5, '1');
            assertEquals("w5:CALL_NEXT", keys.next(2_000));
        }
        bus.call("w5", "A100");
        Await.until(() -> new WindowBusSimulator.Screen("A100", true).equals(sim.screen(5)), "w5 blinks A100", 2_000);
        assertEquals(mark, statuses.size(), "no status change: " + statuses.all());
    }
}

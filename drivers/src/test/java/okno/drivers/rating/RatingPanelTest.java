package okno.drivers.rating;

import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DriverTiming;
import okno.drivers.SerialPortConfig;
import okno.drivers.testing.ModbusPanelSimulator;
import okno.drivers.testing.StatusRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingPanelTest
{
    private static final DriverTiming FAST = new DriverTiming(100, 150, 500, 50, 400);

    private final StatusRecorder statuses = new StatusRecorder();
    private final BlockingQueue<RatingEvent> ratings = new LinkedBlockingQueue<>();
    private ModbusPanelSimulator sim;
    private RatingPanel bus;

    @AfterEach
    void tearDown() throws Exception
    {
        if (bus != null)
        {
            bus.close();
        }
        sim.close();
    }

    private void startBus(final String path, final DriverTiming timing)
    {
        bus = new RatingPanel(
            RatingPanelConfig.of("desk-bus", SerialPortConfig.of(path, 19_200),
                List.of(new RatingPanelAddress("w1", 11), new RatingPanelAddress("w2", 12))),
            timing, Clock.systemUTC(), statuses, ratings::add);
        bus.start();
    }

    private RatingEvent nextRating() throws InterruptedException
    {
        return ratings.poll(2, TimeUnit.SECONDS);
    }

    private void awaitOnline(final int from)
    {
        statuses.await(from, "desk-bus/w1", DeviceState.ONLINE, "ok", 3_000);
        statuses.await(from, "desk-bus/w2", DeviceState.ONLINE, "ok", 3_000);
    }

    @Test
    void newCounterWithScoreBecomesRatingOfThatWindowAndOldRatingsAreNotRepeated() throws Exception
    {
        sim = new ModbusPanelSimulator(Set.of(11, 12));
        sim.set(11, 4, 37);
        sim.start();
        startBus(sim.slavePath(), FAST);
        awaitOnline(0);

        sim.rate(12, 5);
        RatingEvent event = nextRating();
        assertNotNull(event);
        assertEquals("w2", event.windowId());
        assertEquals(5, event.score());
        assertEquals(1, event.counter());

        sim.rate(11, 2);
        event = nextRating();
        assertEquals("w1", event.windowId());
        assertEquals(2, event.score());
        assertEquals(38, event.counter());

        sim.set(11, 0, 39);
        sim.set(12, 9, 2);
        sim.rate(12, 3);
        event = nextRating();
        assertEquals("w2", event.windowId());
        assertEquals(3, event.score());
        assertNull(ratings.poll(300, TimeUnit.MILLISECONDS), "scores outside 1..5 are no ratings");
    }

    @Test
    void panelThatStopsAnsweringIsOfflineWithinTwoSecondsAndItsRatingArrivesWhenBack() throws Exception
    {
        sim = new ModbusPanelSimulator(Set.of(11, 12));
        sim.start();
        startBus(sim.slavePath(), DriverTiming.DEFAULT);
        awaitOnline(0);

        sim.mute.add(11);
        final long mutedAt = System.currentTimeMillis();
        final DeviceStatus offline = statuses.await(0, "desk-bus/w1", DeviceState.OFFLINE, "no response", 3_000);
        assertTrue(offline.timestampMs() - mutedAt <= 2_000, "offline after " + (offline.timestampMs() - mutedAt));
        assertEquals(DeviceState.ONLINE, bus.status("w2").state());

        sim.rate(11, 1);
        final int mark = statuses.size();
        sim.mute.remove(11);
        statuses.await(mark, "desk-bus/w1", DeviceState.ONLINE, "ok", 2_000);
        final RatingEvent event = nextRating();
        assertEquals("w1", event.windowId());
        assertEquals(1, event.score());
    }

    @Test
    void garbageOnTheLineCostsAtMostAPollAndRatingsKeepComing() throws Exception
    {
        sim = new ModbusPanelSimulator(Set.of(11, 12));
        sim.start();
        startBus(sim.slavePath(), FAST);
        awaitOnline(0);
        final int mark = statuses.size();

        for (int score = 1; score <= 5; score++)
        {
            sim.reply(new byte[] {(byte)0xFF, 0x0B, 0x03, 0x04, 0x00});
            sim.rate(11, score);
            final RatingEvent event = nextRating();
            assertNotNull(event);
            assertEquals(score, event.score());
        }
        assertEquals(mark, statuses.size(), "no status change: " + statuses.all());
    }

    @Test
    void portThatIsReplacedBehindItsPathIsReopened(@TempDir final Path dir) throws Exception
    {
        final Path link = dir.resolve("ratings");
        sim = new ModbusPanelSimulator(Set.of(11, 12));
        sim.start();
        startBus(link.toString(), FAST);
        statuses.await(0, "desk-bus/w1", DeviceState.OFFLINE, "port missing", 2_000);

        Files.createSymbolicLink(link, Path.of(sim.slavePath()));
        awaitOnline(0);

        final int mark = statuses.size();
        final String newPath = sim.replacePty();
        Files.delete(link);
        statuses.await(mark, "desk-bus/w1", DeviceState.OFFLINE, "", 2_000);
        Files.createSymbolicLink(link, Path.of(newPath));
        awaitOnline(mark);
        sim.rate(12, 4);
        assertEquals(4, nextRating().score());
    }
}

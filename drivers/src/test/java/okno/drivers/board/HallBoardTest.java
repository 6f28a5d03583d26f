package okno.drivers.board;

import okno.drivers.DeviceState;
import okno.drivers.DeviceStatus;
import okno.drivers.DriverTiming;
import okno.drivers.SerialPortConfig;
import okno.drivers.testing.AlphaBoardSimulator;
import okno.drivers.testing.Await;
import okno.drivers.testing.StatusRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HallBoardTest
{
    private static final DriverTiming FAST = new DriverTiming(100, 150, 500, 50, 400);
    private static final String ID = "centre-1/hall-board";

    private final StatusRecorder statuses = new StatusRecorder();
    private AlphaBoardSimulator sim;
    private HallBoard board;

    @AfterEach
    void tearDown() throws Exception
    {
        if (board != null)
        {
            board.close();
        }
        sim.close();
    }

    private void startBoard(final DriverTiming timing) throws Exception
    {
        sim = new AlphaBoardSimulator(7);
        sim.start();
        board = new HallBoard(HallBoardConfig.of(ID, SerialPortConfig.of(sim.slavePath(), 9_600), 7, 3),
            timing, Clock.systemUTC(), statuses);
        board.start();
        statuses.await(0, ID, DeviceState.ONLINE, "ok", 2_000);
    }

    @Test
    void showsTheLastNCallsNewestFirst() throws Exception
    {
        startBoard(FAST);

        board.showCall("A001", "1");
        board.showCall("A002", "2");
        board.showCall("B001", "3");
        board.showCall("A003", "12");

        final List<String> expected = List.of("A003 -> 12", "B001 -> 3", "A002 -> 2");
        assertEquals(expected, board.lines());
        Await.until(() -> expected.equals(sim.lines()), "board shows " + expected, 2_000);
        assertEquals(0, sim.badChecksums());
    }

    @Test
    void corruptedWriteIsRejectedByTheBoardAndWrittenAgain() throws Exception
    {
        startBoard(FAST);
        sim.corruptWrites.set(2);

        board.showCall("C010", "5");

        Await.until(() -> List.of("C010 -> 5").equals(sim.lines()), "board shows the call", 3_000);
        assertEquals(2, sim.badChecksums());
    }

    @Test
    void garbageAndWrongChecksumsFromTheLineAreIgnored() throws Exception
    {
        startBoard(FAST);
        final int mark = statuses.size();
        final byte[] bad = AlphaBoardSimulator.response("Ax".getBytes());
        bad[bad.length - 3] ^= 1;

        for (int i = 0; i < 10; i++)
        {
            sim.reply(new byte[] {(byte)0xFF, 0x04, 0x01, 0x02, 0x7F});
            sim.reply(bad);
        }
        board.showCall("D4", "4");

        Await.until(() -> List.of("D4 -> 4").equals(sim.lines()), "board shows the call", 2_000);
        assertEquals(mark, statuses.size(), "no status change: " + statuses.all());
    }

    @Test
    void silentBoardGoesOfflineWithinTwoSecondsAndIsRefreshedWhenBack() throws Exception
    {
        startBoard(DriverTiming.DEFAULT);
        board.showCall("A100", "9");
        Await.until(() -> List.of("A100 -> 9").equals(sim.lines()), "first call shown", 2_000);

        sim.mute = true;
        final long mutedAt = System.currentTimeMillis();
        final DeviceStatus offline = statuses.await(0, ID, DeviceState.OFFLINE, "no response", 3_000);
        assertTrue(offline.timestampMs() - mutedAt <= 2_000, "offline after " + (offline.timestampMs() - mutedAt));

        board.showCall("A101", "8");
        sim.corruptWrites.set(1);
        final int mark = statuses.size();
        sim.mute = false;
        statuses.await(mark, ID, DeviceState.ONLINE, "ok", 2_000);
        Await.until(() -> List.of("A101 -> 8", "A100 -> 9").equals(sim.lines()), "board refreshed", 2_000);
    }
}

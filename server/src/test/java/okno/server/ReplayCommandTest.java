package okno.server;

import okno.config.NetworkConfig;
import okno.config.NetworkIndex;
import okno.config.Networks;
import okno.config.PriorityClass;
import okno.engine.SnapshotTampering;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.Result;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.snapshot.SnapshotStore;
import okno.engine.state.NetworkState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest
{
    /** Monday 2025-03-03 10:00 in Moscow: the demo centres are open. */
    private static final long START_MS = LocalDateTime.of(2025, 3, 3, 10, 0).toInstant(ZoneOffset.ofHours(3))
        .toEpochMilli();
    private static final int WINDOWS = 4;
    private static final int VISITS = 30;

    @TempDir
    Path data;

    @Test
    void replayRebuildsTheLiveStateFromTheNewestSnapshotAndTheJournalTail() throws IOException
    {
        final long liveHash = runDemoDay();
        deleteNewestSnapshot();

        final CliRun run = CliRun.of("replay", "--data", data.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("network       'demo', 4 centres"), run.out());
        assertTrue(run.out().contains("snapshot      snapshot-"), run.out());
        assertTrue(run.out().contains("(journal sequence 100)"), run.out());
        // 4 opens + 30 x (issue, call, start) + 26 completes = 120 commands; the snapshot covers 100.
        assertTrue(run.out().contains("replayed      20 commands (last journal sequence 120)"), run.out());
        assertTrue(run.out().contains("tickets       issued 30: waiting 0, called 0, serving 4, done 26, no-show 0, "
            + "postponed 0, cancelled 0"), run.out());
        assertTrue(run.out().contains(String.format("state hash    %016x", liveHash)), run.out());
        assertTrue(run.out().contains("check         full journal replay and every snapshot agree"), run.out());
    }

    @Test
    void aSnapshotWhoseRecordedHashDiffersFromTheReplayIsAnError() throws IOException
    {
        runDemoDay();
        final Path newest = new SnapshotStore(data.resolve("snapshots"), 3).list().get(0);
        SnapshotTampering.rewriteRecordedHash(newest, 0x1234L);

        final CliRun run = CliRun.of("replay", "--data", data.toString());

        assertEquals(ReplayCommand.EXIT_INCONSISTENT, run.exitCode(), run.out());
        assertTrue(run.err().contains("error: snapshot at journal sequence 120 records state hash 1234"), run.err());
        assertTrue(run.err().contains("is inconsistent"), run.err());
        assertTrue(run.out().contains("full journal replay: 120 commands"), run.out());
    }

    @Test
    void aDirectoryWithoutJournalIsAUsageError(@TempDir final Path empty)
    {
        final CliRun run = CliRun.of("replay", "--data", empty.toString());

        assertEquals(OknoMain.EXIT_USAGE, run.exitCode());
        assertEquals(List.of("okno replay: " + empty + " holds no journal/ directory"), run.err().lines().toList());
    }

    /**
     * Runs a real pipeline over the demo network: four windows of the first centre open, 30 visitors take a
     * passport ticket and are called and served; the last four stay in service. Snapshots every 50 commands.
     *
     * @return the live state hash after close
     */
    private long runDemoDay() throws IOException
    {
        final NetworkConfig network = Networks.demo();
        final NetworkIndex index = new NetworkIndex(network);
        final int centre = 0;
        final String centreId = network.centres().get(centre).id();
        final int[] staff = network.staff().stream().filter(s -> s.homeCentre().equals(centreId) && !s.standby())
            .mapToInt(s -> network.staff().indexOf(s)).limit(WINDOWS).toArray();
        final int passport = index.service("passport");
        final NetworkState state = new NetworkState(network);
        final long[] now = {START_MS};
        final PipelineConfig config = PipelineConfig.defaults(data).withSnapshotEvery(50).withMaxRecordsPerDocument(8);
        try (EnginePipeline pipeline = new EnginePipeline(config, state, () -> now[0]))
        {
            pipeline.start();
            for (int w = 0; w < WINDOWS; w++)
            {
                final int window = w;
                ok(pipeline,
                    pipeline.call(c -> window(c, CommandType.OPEN_WINDOW, centre, window).staff = staff[window]));
            }
            for (int v = 0; v < VISITS; v++)
            {
                final int window = v % WINDOWS;
                now[0] += 60_000;
                if (v >= WINDOWS)
                {
                    ok(pipeline, pipeline.call(c -> window(c, CommandType.COMPLETE_SERVICE, centre, window)));
                }
                ok(pipeline, pipeline.call(c ->
                {
                    c.type = CommandType.ISSUE_TICKET;
                    c.centre = centre;
                    c.priority = PriorityClass.NORMAL.code();
                    c.addService(passport);
                }));
                ok(pipeline, pipeline.call(c -> window(c, CommandType.CALL_NEXT, centre, window)));
                ok(pipeline, pipeline.call(c -> window(c, CommandType.START_SERVICE, centre, window)));
            }
        }
        return state.stateHash();
    }

    private static Command window(final Command c, final CommandType type, final int centre, final int window)
    {
        c.type = type;
        c.centre = centre;
        c.window = window;
        return c;
    }

    /** Checks the reply; waits for a snapshot it made due, which would otherwise skip the next one. */
    private static void ok(final EnginePipeline pipeline, final Command reply)
    {
        assertEquals(Result.OK, reply.result, reply.toString());
        pipeline.awaitSnapshotsWritten();
    }

    private void deleteNewestSnapshot() throws IOException
    {
        final List<Path> snapshots = new SnapshotStore(data.resolve("snapshots"), 3).list();
        assertEquals(3, snapshots.size(), snapshots.toString());
        Files.delete(snapshots.get(0));
    }
}

package okno.bench;

import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.api.Command;
import okno.engine.api.EventListener;
import okno.engine.api.Result;
import okno.engine.state.NetworkState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every harness for a tiny duration on the demo network, so none of them can rot. */
class BenchSmokeTest
{
    private static final String SMALL = "--network demo --visits 2000";

    @Test
    void theWorkloadSucceedsEntirelyPassAfterPassAndIsDeterministic()
    {
        final NetworkConfig network = Networks.demo();
        final Workload workload = Workload.generate(network, 42, 500, 0, 1);
        final NetworkState state = new NetworkState(network);
        for (int i = 0; i < 3 * workload.size(); i++)
        {
            final Command command = workload.next();
            state.apply(command, EventListener.NONE);
            assertEquals(Result.OK, command.result, i + ": " + command);
        }
        final NetworkState again = new NetworkState(network);
        final Workload same = Workload.generate(network, 42, 500, 0, 1);
        for (int i = 0; i < 3 * same.size(); i++)
        {
            again.apply(same.next(), EventListener.NONE);
        }
        assertEquals(state.stateHash(), again.stateHash());
        // 37 demo windows with home staff open, each gets the backlog, then 4 commands per visit.
        assertEquals(37 + 37 * Workload.BACKLOG + 4 * 500, workload.size());
    }

    @Test
    void engineBenchmarkRunsInProcess()
    {
        // JMH's machine-wide lock would fail the build while someone runs a real benchmark beside it.
        System.setProperty("jmh.ignoreLock", "true");
        final String out = run("bench engine -f 0 -wi 0 -i 1 -r 200ms -p network=demo -p visitsPerDay=2000");
        assertTrue(out.matches("(?s)engine: NetworkState.apply, network demo, 2000 visits/day: [0-9,]+ ops/s\\R"), out);
    }

    @Test
    void pipelineThroughputWithBaselines()
    {
        final String out = run("pipeline " + SMALL + " --seconds 0.3 --warmup 0.2 --ring 1024 --wait blocking");
        assertTrue(out.matches("(?s).*engine pipeline \\(journal on\\) +[0-9,]+ commands/s, 0 rejected.*"), out);
        assertTrue(out.contains("raw Disruptor 1P1C longs"), out);
        assertTrue(out.contains("engine behind ArrayBlockingQueue"), out);
    }

    @Test
    void openLoopLatency()
    {
        final String out = run("latency " + SMALL + " --rates 2000 --seconds 0.3 --warmup 0.1 --ring 1024");
        // 0.4 s at 2,000/s: 800 replies, none rejected.
        assertTrue(out.matches("(?s).*\\n +2,000( +[0-9.]+){6} +800 +0\\n.*"), out);
    }

    @Test
    void replayAndRestart()
    {
        final String out = run("replay " + SMALL + " --entries 20000 --tail 3000");
        assertTrue(out.contains("full journal replay      20,000 commands"), out);
        assertTrue(out.contains("(snapshot hash checked)"), out);
        assertTrue(out.contains("restart: snapshot + tail 3,000 commands"), out);
    }

    @Test
    void durabilityModes()
    {
        final String out = run("durability " + SMALL + " --seconds 0.2 --warmup 0.1 --rates 2000 --ring 1024");
        assertTrue(out.contains("  default "), out);
        assertTrue(out.contains("  sync    "), out);
    }

    @Test
    void hostJitterReportsEveryThreadAndTheFloorUnderLatency()
    {
        final String out = run("jitter --threads 2 --seconds 0.2");
        assertTrue(out.matches("(?s).*\\n0 +\\d+ +\\d+ .*\\n1 +\\d+ +\\d+ .*\\nany +\\d+ .*"), out);
        assertTrue(out.matches("(?s).*at least [0-9.]+ % of commands delayed beyond 10 µs.*"), out);
        assertEquals(2, call(new String[] {"jitter", "--threads", "0"}, System.out, System.err));
    }

    @Test
    void unknownBenchmarksAndOptionsAreUsageErrors()
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, call(new String[] {"nonsense"}, out, errStream));
        assertEquals(2, call(new String[] {"pipeline", "--bogus", "1"}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"), err.toString());
    }

    private static String run(final String args)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, call(args.split(" "), out, System.err));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int call(final String[] args, final PrintStream out, final PrintStream err)
    {
        try
        {
            return BenchMain.run(args, out, err);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }
}

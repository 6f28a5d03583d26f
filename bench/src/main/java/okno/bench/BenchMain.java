package okno.bench;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Entry point of {@code okno-bench.jar} ({@code ./okno bench NAME [options]}): dispatches to one benchmark.
 * <pre>
 *   engine      JMH: NetworkState.apply alone on the moscow network (JMH options pass through, e.g. -prof gc)
 *   pipeline    whole pipeline throughput, journal on, plus raw Disruptor and ArrayBlockingQueue baselines
 *   latency     open-loop latency at offered rates (HdrHistogram, from intended send time)
 *   replay      full journal replay speed and restart time from snapshot + tail
 *   durability  default vs syncEveryBatch: throughput and latency
 *   jitter      the host's own scheduling stalls of a spinning thread: the floor under any latency figure
 *   all         each of the above with its defaults
 * </pre>
 */
public final class BenchMain
{
    private static final String USAGE = String.join(System.lineSeparator(),
        "usage: okno bench NAME [options]",
        "  engine     [JMH options, e.g. -prof gc -p visitsPerDay=70000]",
        "  pipeline   [--seconds 5] [--warmup 2] [--producers 1] [--batch 256] [--stages fused|parallel] [--wait "
            + "yielding|blocking|sleeping|busy-spin] [--sync] [--ring 4096] [--doc 1024] [--network moscow] "
            + "[--no-baselines]",
        "  latency    [--rates 10000,100000,1000000] [--seconds 5] [--warmup 1] [--stages fused|parallel] "
            + "[--wait yielding] [--sync] ...",
        "  replay     [--entries 10000000] [--tail 100000] [--network moscow]",
        "  durability [--seconds 3] [--rates 10000,100000] [--wait yielding] ...",
        "  jitter     [--threads 2] [--seconds 8]",
        "  load       [--protocol binary|http] [--rates 10000,100000] [--seconds 5] [--warmup 2] [--connections 4]"
            + " [--host H --port P]",
        "  all        every benchmark with its defaults");

    private BenchMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param commandLine the benchmark name and its options, optionally after the word {@code bench}
     * @return exit code: 0 done, 2 bad usage
     */
    static int run(final String[] commandLine, final PrintStream out, final PrintStream err) throws Exception
    {
        // The ./okno launcher passes its own "bench" word through.
        final String[] args = commandLine.length > 0 && "bench".equals(commandLine[0])
            ? Arrays.copyOfRange(commandLine, 1, commandLine.length) : commandLine;
        if (args.length == 0)
        {
            err.println(USAGE);
            return 2;
        }
        final String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try
        {
            switch (args[0])
            {
                case "engine" -> engine(rest, out);
                case "pipeline" -> ThroughputBench.run(new BenchArgs(rest, ThroughputBench.OPTIONS), out);
                case "latency" -> LatencyBench.run(new BenchArgs(rest, LatencyBench.OPTIONS), out);
                case "replay" -> ReplayBench.run(new BenchArgs(rest, ReplayBench.OPTIONS), out);
                case "durability" -> DurabilityBench.run(new BenchArgs(rest, DurabilityBench.OPTIONS), out);
                case "jitter" -> JitterBench.run(new BenchArgs(rest, JitterBench.OPTIONS), out);
                case "load" -> okno.bench.load.LoadGenerator.main(rest);
                case "all" -> all(out);
                default ->
                {
                    err.println("unknown benchmark '" + args[0] + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        catch (final IllegalArgumentException | CommandLineOptionException ex)
        {
            err.println("okno bench " + args[0] + ": " + ex.getMessage());
            return 2;
        }
        return 0;
    }

    private static void all(final PrintStream out) throws Exception
    {
        engine(new String[] {"-prof", "gc"}, out);
        final String[] none = new String[0];
        ThroughputBench.run(new BenchArgs(none, Set.of()), out);
        LatencyBench.run(new BenchArgs(none, Set.of()), out);
        ReplayBench.run(new BenchArgs(none, Set.of()), out);
        DurabilityBench.run(new BenchArgs(none, Set.of()), out);
        JitterBench.run(new BenchArgs(none, Set.of()), out);
    }

    /**
     * Runs {@link EngineBenchmark} through JMH with the given JMH command-line options (JMH prints its own
     * report on standard output), then one summary line per parameter set on {@code out}.
     */
    static void engine(final String[] jmhArgs, final PrintStream out) throws CommandLineOptionException, RunnerException
    {
        final Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(jmhArgs))
            .include(EngineBenchmark.class.getName()).build()).run();
        for (final RunResult run : results)
        {
            final Result<?> primary = run.getPrimaryResult();
            final Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
            out.printf("engine: NetworkState.apply, network %s, %s visits/day: %,.0f %s%s%n",
                run.getParams().getParam("network"), run.getParams().getParam("visitsPerDay"), primary.getScore(),
                primary.getScoreUnit(), allocation == null ? ""
                    : String.format(", %.3f B/op allocated", allocation.getScore()));
        }
    }
}

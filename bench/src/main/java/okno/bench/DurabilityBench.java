package okno.bench;

import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.pipeline.PipelineConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code okno bench durability}: the cost of forcing every journal document to the storage device before
 * callers are answered ({@code syncEveryBatch}), against the default (written to the memory-mapped file:
 * survives a process crash, not a power loss). Same throughput and latency runs, both modes.
 */
final class DurabilityBench
{
    static final Set<String> OPTIONS = Set.of("network", "visits", "seconds", "warmup", "producers", "batch", "wait",
        "stages", "ring", "doc", "rates");

    private DurabilityBench()
    {
    }

    static void run(final BenchArgs args, final PrintStream out) throws IOException, InterruptedException
    {
        final NetworkConfig network = Networks.byName(args.string("network", "moscow"));
        final double seconds = args.decimal("seconds", 3);
        final double warmup = args.decimal("warmup", 1);
        final List<Integer> rates = args.integers("rates", List.of(10_000, 100_000));
        out.printf("durability: network %s, %.0f s per run; latency in microseconds from intended send time%n",
            network.name(), seconds);
        out.println("  mode      throughput/s" + LatencyBench.HEADER);
        for (final boolean sync : new boolean[] {false, true})
        {
            final PipelineConfig config = ThroughputBench.config(args).withSyncEveryBatch(sync);
            final ThroughputBench.Measured throughput = ThroughputBench.pipeline(network,
                args.integer("visits", 70_000), config, args.integer("producers", 1), args.integer("batch", 256),
                warmup, seconds);
            for (final LatencyBench.Result r : LatencyBench.measureAll(network, config, rates, warmup, seconds))
            {
                out.printf("  %-7s %,14.0f%s%n", sync ? "sync" : "default", throughput.rate(), r.format());
            }
        }
    }
}

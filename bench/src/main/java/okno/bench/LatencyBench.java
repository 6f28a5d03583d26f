package okno.bench;

import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.api.Command;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.pipeline.ReplyListener;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code okno bench latency}: open-loop latency of the whole pipeline (journal on) at fixed offered rates.
 * Command i is due at {@code start + i / rate}; the producer sends every due command (a batch when it is
 * late) and the latency of each is measured from its intended send time to its reply, so a stall delays and
 * counts every command behind it (no coordinated omission). Recorded in an HdrHistogram on the publisher thread.
 */
final class LatencyBench
{
    static final Set<String> OPTIONS = Set.of("network", "visits", "rates", "seconds", "warmup", "wait", "stages",
        "snapshot-every", "sync",
        "ring", "doc", "batch");

    /** Column titles of {@link Result#format()}. */
    static final String HEADER = "      rate/s      p50      p90      p99    p99.9   p99.99      max   replies  rejected";

    private LatencyBench()
    {
    }

    static void run(final BenchArgs args, final PrintStream out) throws IOException, InterruptedException
    {
        final NetworkConfig network = Networks.byName(args.string("network", "moscow"));
        final PipelineConfig config = ThroughputBench.config(args);
        final List<Integer> rates = args.integers("rates", List.of(10_000, 100_000, 1_000_000));
        final double seconds = args.decimal("seconds", 5);
        final double warmup = args.decimal("warmup", 1);
        out.printf("latency: network %s, stages %s, wait %s, sync %s, ring %d, open loop, %.0f s warm-up + %.0f s per "
            + "rate (microseconds from intended send time to reply)%n", network.name(), config.stages(),
            config.waitStrategy(),
            config.syncEveryBatch(), config.ringSize(), warmup, seconds);
        out.println(HEADER);
        for (final int rate : rates)
        {
            final Result result = measure(network, args.integer("visits", 70_000), config, rate, warmup, seconds,
                args.integer("batch", 256));
            out.println(result.format());
        }
    }

    /** Offers {@code rate} commands per second to a fresh pipeline; records after the warm-up. */
    static Result measure(final NetworkConfig network, final int visits, final PipelineConfig config, final int rate,
        final double warmup, final double seconds, final int maxBatch) throws IOException, InterruptedException
    {
        final Workload workload = Workload.generate(network, 42, visits, 0, 1);
        final long warmupCount = (long)(rate * warmup);
        final long total = warmupCount + (long)(rate * seconds);
        final Recorder recorder;
        try (PipelineHarness harness = new PipelineHarness(network, config))
        {
            final long startNs = System.nanoTime() + 1_000_000;
            recorder = new Recorder(harness, startNs, rate, warmupCount);
            long i = 0;
            while (i < total)
            {
                final long now = System.nanoTime();
                final long intended = recorder.intendedNs(i);
                if (now < intended)
                {
                    Thread.onSpinWait();
                    continue;
                }
                // Everything already due goes now, as one batch: a late producer catches up, it never skips.
                final long due = Math.min(total, 1 + (now - startNs) * rate / 1_000_000_000L);
                final int count = (int)Math.max(1, Math.min(maxBatch, due - i));
                i += harness.submitNext(workload, count, recorder, i);
            }
            while (harness.replies() < total)
            {
                Thread.onSpinWait();
            }
            return new Result(rate, recorder.histogram, harness.replies(), harness.rejected());
        }
    }

    /** Records each reply's latency from its command's intended send time; publisher thread only. */
    private static final class Recorder implements ReplyListener
    {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        private final PipelineHarness harness;
        private final long startNs;
        private final long rate;
        private final long recordFrom;

        Recorder(final PipelineHarness harness, final long startNs, final long rate, final long recordFrom)
        {
            this.harness = harness;
            this.startNs = startNs;
            this.rate = rate;
            this.recordFrom = recordFrom;
        }

        long intendedNs(final long i)
        {
            return startNs + i * 1_000_000_000L / rate;
        }

        @Override
        public void onReply(final long correlation, final Command command)
        {
            if (correlation >= recordFrom)
            {
                histogram.recordValue(Math.max(0, System.nanoTime() - intendedNs(correlation)));
            }
            harness.count(command);
        }
    }

    /** Latency of one offered rate. */
    record Result(int rate, Histogram histogram, long replies, long rejected)
    {
        double micros(final double percentile)
        {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }

        String format()
        {
            return String.format("%,12d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %9d %9d", rate, micros(50), micros(90),
                micros(99), micros(99.9), micros(99.99), histogram.getMaxValue() / 1000.0, replies, rejected);
        }
    }

    /** @return the rows of several rates, for the durability comparison. */
    static List<Result> measureAll(final NetworkConfig network, final PipelineConfig config, final List<Integer> rates,
        final double warmup, final double seconds) throws IOException, InterruptedException
    {
        final List<Result> results = new ArrayList<>();
        for (final int rate : rates)
        {
            results.add(measure(network, 70_000, config, rate, warmup, seconds, 256));
        }
        return results;
    }
}

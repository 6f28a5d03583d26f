package okno.bench;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.api.Command;
import okno.engine.api.EventListener;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.pipeline.PipelineStages;
import okno.engine.pipeline.PipelineWaitStrategy;
import okno.engine.state.NetworkState;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code okno bench pipeline}: sustained throughput of the whole pipeline with the journal on, producers
 * submitting workload commands in batches as fast as the ring takes them; then, in the same run, two
 * baselines on the same machine: a raw Disruptor passing longs from one producer to one consumer, and the
 * same engine fed through an {@link ArrayBlockingQueue}. Prints commands per second and the ratios.
 */
final class ThroughputBench
{
    static final Set<String> OPTIONS = Set.of("network", "visits", "seconds", "warmup", "producers", "batch", "wait",
        "stages", "snapshot-every",
        "sync", "ring", "doc", "no-baselines");

    private ThroughputBench()
    {
    }

    static void run(final BenchArgs args, final PrintStream out) throws IOException, InterruptedException
    {
        final NetworkConfig network = Networks.byName(args.string("network", "moscow"));
        final double seconds = args.decimal("seconds", 5);
        final double warmup = args.decimal("warmup", 2);
        final PipelineConfig config = config(args);
        final int producers = args.integer("producers", 1);
        final int batch = args.integer("batch", 256);
        out.printf("pipeline: network %s, %d producer(s), batches of %d, ring %d, %d records/document, stages %s, "
                + "wait %s, sync %s, %.0f s warm-up + %.0f s%n", network.name(), producers, batch, config.ringSize(),
            config.maxRecordsPerDocument(), config.stages(), config.waitStrategy(), config.syncEveryBatch(), warmup,
            seconds);
        final Measured pipeline = pipeline(network, args.integer("visits", 70_000), config, producers, batch,
            warmup, seconds);
        out.printf("  engine pipeline (journal on)    %,12.0f commands/s, %d rejected%n", pipeline.rate(),
            pipeline.rejected());
        out.println("  " + pipeline.cpu());
        if (args.flag("no-baselines"))
        {
            return;
        }
        final Measured raw = rawDisruptor(config.waitStrategy(), config.ringSize(), warmup, seconds);
        out.printf("  raw Disruptor 1P1C longs        %,12.0f events/s   (pipeline = %.3f x)%n", raw.rate(),
            pipeline.rate() / raw.rate());
        final Measured queue = blockingQueue(network, args.integer("visits", 70_000), config.ringSize(), warmup,
            seconds);
        out.printf("  engine behind ArrayBlockingQueue %,11.0f commands/s (pipeline = %.3f x)%n", queue.rate(),
            pipeline.rate() / queue.rate());
    }

    /** Pipeline settings from the options; stages default to this machine's ({@link PipelineConfig#defaults}). */
    static PipelineConfig config(final BenchArgs args)
    {
        final PipelineConfig defaults = PipelineConfig.defaults(java.nio.file.Path.of("unused"));
        return defaults
            .withStages(PipelineStages.parse(args.string("stages", defaults.stages().name())))
            .withRingSize(args.integer("ring", defaults.ringSize()))
            .withMaxRecordsPerDocument(args.integer("doc", 1024))
            .withSnapshotEvery(args.integer("snapshot-every", 0))
            .withSyncEveryBatch(args.flag("sync"))
            .withWaitStrategy(PipelineWaitStrategy.parse(args.string("wait", "yielding")));
    }

    /** Runs producers against a fresh pipeline and counts the replies during the measured window. */
    static Measured pipeline(final NetworkConfig network, final int visits, final PipelineConfig config,
        final int producers, final int batch, final double warmup, final double seconds)
        throws IOException, InterruptedException
    {
        try (PipelineHarness harness = new PipelineHarness(network, config))
        {
            final List<Thread> threads = new ArrayList<>();
            final boolean[] stop = new boolean[1];
            // Producers cross into the next day together: a day starting early would close the others' windows.
            final Phaser dayEnd = new Phaser(producers);
            for (int p = 0; p < producers; p++)
            {
                final Workload workload = Workload.generate(network, 42, Math.max(3, visits / producers), p,
                    producers);
                final Thread thread = new Thread(() ->
                {
                    long sent = 0;
                    while (true)
                    {
                        if ((sent & 0xFF) == 0 && stopped(stop))
                        {
                            return;
                        }
                        if (workload.atPassEnd() && dayEnd.arriveAndAwaitAdvance() < 0)
                        {
                            return;
                        }
                        harness.submitNext(workload, batch, harness, 0);
                        sent++;
                    }
                }, "okno-bench-producer-" + p);
                threads.add(thread);
                thread.start();
            }
            sleep(warmup);
            final long before = harness.replies();
            final long rejectedBefore = harness.rejected();
            final long start = System.nanoTime();
            final ThreadCpu cpu = ThreadCpu.now();
            sleep(seconds);
            final long after = harness.replies();
            final String cpuLine = cpu.since(after - before);
            final long elapsed = System.nanoTime() - start;
            final long rejected = harness.rejected() - rejectedBefore;
            stop(stop);
            dayEnd.forceTermination();
            for (final Thread thread : threads)
            {
                thread.join();
            }
            return new Measured(after - before, elapsed, rejected, cpuLine);
        }
    }

    /** One producer publishing longs, one consumer summing them: the ceiling of a Disruptor hand-off here. */
    static Measured rawDisruptor(final PipelineWaitStrategy wait, final int ringSize, final double warmup,
        final double seconds) throws InterruptedException
    {
        final AtomicLong consumed = new AtomicLong();
        final Disruptor<long[]> disruptor = new Disruptor<>(() -> new long[1], ringSize,
            DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, wait.create());
        final long[] sum = new long[1];
        disruptor.handleEventsWith((event, sequence, endOfBatch) ->
        {
            sum[0] += event[0];
            if (endOfBatch)
            {
                consumed.lazySet(sequence + 1);
            }
        });
        final RingBuffer<long[]> ring = disruptor.start();
        final boolean[] stop = new boolean[1];
        final Thread producer = new Thread(() ->
        {
            for (long i = 0; ; i++)
            {
                if ((i & 0xFFFF) == 0 && stopped(stop))
                {
                    return;
                }
                final long seq = ring.next();
                ring.get(seq)[0] = i;
                ring.publish(seq);
            }
        }, "okno-bench-raw-producer");
        producer.start();
        final Measured measured = measure(consumed, warmup, seconds);
        stop(stop);
        producer.join();
        disruptor.halt();
        return measured;
    }

    /** The same engine and workload, handed from a producer thread to the engine thread by a blocking queue. */
    static Measured blockingQueue(final NetworkConfig network, final int visits, final int capacity,
        final double warmup, final double seconds) throws InterruptedException
    {
        final ArrayBlockingQueue<Command> queue = new ArrayBlockingQueue<>(capacity);
        final Workload workload = Workload.generate(network, 42, visits, 0, 1);
        if (capacity >= Workload.SLOTS)
        {
            throw new IllegalArgumentException("queue capacity " + capacity + " too large for the workload's "
                + Workload.SLOTS + " reused command slots");
        }
        final NetworkState state = new NetworkState(network);
        final AtomicLong consumed = new AtomicLong();
        final boolean[] stop = new boolean[1];
        final Thread engine = new Thread(() ->
        {
            try
            {
                for (long n = 1; ; n++)
                {
                    final Command command = queue.take();
                    if (command.type == null)
                    {
                        return;
                    }
                    state.apply(command, EventListener.NONE);
                    consumed.lazySet(n);
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "okno-bench-abq-engine");
        final Thread producer = new Thread(() ->
        {
            try
            {
                for (long i = 0; ; i++)
                {
                    if ((i & 0xFFFF) == 0 && stopped(stop))
                    {
                        queue.put(new Command());
                        return;
                    }
                    queue.put(workload.next());
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "okno-bench-abq-producer");
        engine.start();
        producer.start();
        final Measured measured = measure(consumed, warmup, seconds);
        stop(stop);
        producer.join();
        engine.join();
        return measured;
    }

    private static Measured measure(final AtomicLong counter, final double warmup, final double seconds)
        throws InterruptedException
    {
        sleep(warmup);
        final long before = counter.get();
        final long start = System.nanoTime();
        sleep(seconds);
        return new Measured(counter.get() - before, System.nanoTime() - start, 0, "");
    }

    private static boolean stopped(final boolean[] stop)
    {
        synchronized (stop)
        {
            return stop[0];
        }
    }

    private static void stop(final boolean[] stop)
    {
        synchronized (stop)
        {
            stop[0] = true;
        }
    }

    static void sleep(final double seconds) throws InterruptedException
    {
        Thread.sleep((long)(seconds * 1000));
    }

    /** Operations counted over a measured window, and the CPU of the {@code okno-} threads per operation. */
    record Measured(long operations, long nanos, long rejected, String cpu)
    {
        double rate()
        {
            return operations * 1e9 / Math.max(1, nanos);
        }
    }
}

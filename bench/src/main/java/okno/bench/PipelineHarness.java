package okno.bench;

import okno.config.NetworkConfig;
import okno.engine.api.Command;
import okno.engine.api.Result;
import okno.engine.pipeline.CommandTranslator;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.pipeline.ReplyListener;
import okno.engine.state.NetworkState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A real {@link EnginePipeline} (journal on) over a temporary data directory and a {@link NetworkState}, whose
 * clock is the time of the workload commands being submitted: producers call {@link #advanceClock} before a
 * submission, so engine time follows the workload's days. Counts replies and rejections on the publisher thread.
 * Closing it closes the pipeline and deletes the directory.
 */
final class PipelineHarness implements AutoCloseable, ReplyListener
{
    /** Copies a workload command's request into the ring slot. */
    static final CommandTranslator<Command> COPY = Command::copyRequestFrom;

    final EnginePipeline pipeline;
    private final Path dataDir;
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long clockMs = Long.MIN_VALUE;

    /**
     * @param config settings, whose data directory is replaced by a new temporary one
     */
    PipelineHarness(final NetworkConfig network, final PipelineConfig config) throws IOException
    {
        dataDir = Files.createTempDirectory("okno-bench-");
        pipeline = new EnginePipeline(config.withDataDir(dataDir), new NetworkState(network), () -> clockMs);
        pipeline.start();
    }

    /** Sets the ingress clock to a workload time; called by producers before they submit commands of that time. */
    void advanceClock(final long timeMs)
    {
        clockMs = timeMs;
    }

    /** Submits the next {@code count} commands at most (fewer at the end of a pass); returns how many. */
    int submitNext(final Workload workload, final int count, final ReplyListener listener, final long correlation)
    {
        final int from = workload.position();
        final int n = workload.take(count);
        advanceClock(workload.slots()[from + n - 1].timestampMs);
        pipeline.submitBatch(COPY, workload.slots(), from, n, listener, correlation);
        return n;
    }

    @Override
    public void onReply(final long correlation, final Command command)
    {
        if (command.result != Result.OK)
        {
            rejected.lazySet(rejected.get() + 1);
        }
        replies.lazySet(replies.get() + 1);
    }

    /** @return replies so far; any thread. */
    long replies()
    {
        return replies.get();
    }

    /** @return replies with a result other than OK so far; any thread. */
    long rejected()
    {
        return rejected.get();
    }

    /** Counts a reply given to another listener (which must call this on the publisher thread). */
    void count(final Command command)
    {
        onReply(0, command);
    }

    @Override
    public void close() throws IOException
    {
        pipeline.close();
        try (Stream<Path> files = Files.walk(dataDir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p ->
            {
                try
                {
                    Files.delete(p);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }
}

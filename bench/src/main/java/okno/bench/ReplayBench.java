package okno.bench;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import okno.config.NetworkConfig;
import okno.config.Networks;
import okno.engine.api.Command;
import okno.engine.api.EventListener;
import okno.engine.journal.JournalWriter;
import okno.engine.pipeline.EnginePipeline;
import okno.engine.pipeline.PipelineConfig;
import okno.engine.pipeline.RecoveryReport;
import okno.engine.pipeline.Replay;
import okno.engine.pipeline.ReplayReport;
import okno.engine.snapshot.SnapshotStore;
import okno.engine.state.NetworkState;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code okno bench replay}: writes a journal of {@code --entries} workload commands (documents of 1,024)
 * with a snapshot {@code --tail} commands before its end, then times (1) a replay of the whole journal into an
 * empty state, which also checks the snapshot's recorded hash, and (2) a real pipeline start-up: newest
 * snapshot plus the journal tail.
 */
final class ReplayBench
{
    static final Set<String> OPTIONS = Set.of("network", "visits", "entries", "tail");
    private static final int DOCUMENT = 1024;

    private ReplayBench()
    {
    }

    static void run(final BenchArgs args, final PrintStream out) throws IOException
    {
        final NetworkConfig network = Networks.byName(args.string("network", "moscow"));
        final long entries = args.integer("entries", 10_000_000);
        final long tail = Math.min(entries, args.integer("tail", 100_000));
        final Path dir = Files.createTempDirectory("okno-bench-replay-");
        try
        {
            final long writeStart = System.nanoTime();
            final long snapshotHash = writeJournal(network, args.integer("visits", 70_000), dir, entries,
                entries - tail);
            out.printf("replay: network %s, journal of %,d commands written in %.1f s, snapshot at %,d (%,d bytes)%n",
                network.name(), entries, (System.nanoTime() - writeStart) / 1e9, entries - tail,
                snapshotBytes(dir));
            final long fullStart = System.nanoTime();
            final ReplayReport full = Replay.fullJournal(dir, new NetworkState(network));
            final double fullSeconds = (System.nanoTime() - fullStart) / 1e9;
            check(full.ok() && full.commandsReplayed() == entries, "full replay: " + full.errors());
            out.printf("  full journal replay      %,d commands in %.2f s = %,.0f commands/s (snapshot hash %s)%n",
                full.commandsReplayed(), fullSeconds, full.commandsReplayed() / fullSeconds,
                snapshotHash == 0 ? "none" : "checked");
            final long restartStart = System.nanoTime();
            try (EnginePipeline pipeline = new EnginePipeline(PipelineConfig.defaults(dir), new NetworkState(network),
                () -> Long.MIN_VALUE))
            {
                final RecoveryReport recovery = pipeline.start();
                final double restartSeconds = (System.nanoTime() - restartStart) / 1e9;
                check(recovery.stateHash() == full.stateHash(), "restart hash differs from full replay");
                out.printf("  restart: snapshot + tail %,d commands in %.3f s (pipeline start, state hash equal)%n",
                    recovery.commandsReplayed(), restartSeconds);
            }
        }
        finally
        {
            deleteAll(dir);
        }
    }

    /** @return the state hash recorded in the snapshot, 0 when none was written */
    private static long writeJournal(final NetworkConfig network, final int visits, final Path dir, final long entries,
        final long snapshotAt) throws IOException
    {
        final PipelineConfig config = PipelineConfig.defaults(dir);
        final Workload workload = Workload.generate(network, 42, visits, 0, 1);
        final NetworkState state = new NetworkState(network);
        final SnapshotStore snapshots = new SnapshotStore(config.snapshotDir(), 1);
        long hash = 0;
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(config.journalDir()).build())
        {
            final JournalWriter writer = new JournalWriter(queue, DOCUMENT, 0, -1, false);
            for (long seq = 1; seq <= entries; seq++)
            {
                final Command command = workload.next();
                if (writer.isFull())
                {
                    writer.commit();
                }
                writer.append(command);
                if (seq <= snapshotAt)
                {
                    state.apply(command, EventListener.NONE);
                }
                if (seq == snapshotAt && snapshotAt > 0)
                {
                    snapshots.write(state, seq, writer.commit());
                    hash = state.stateHash();
                }
            }
            writer.commit();
            writer.close();
        }
        return hash;
    }

    private static long snapshotBytes(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir.resolve("snapshots")))
        {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }

    private static void deleteAll(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
    }
}

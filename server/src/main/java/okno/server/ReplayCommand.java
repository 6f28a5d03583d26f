package okno.server;

import okno.config.NetworkConfig;
import okno.engine.api.CentreCounters;
import okno.engine.pipeline.RecoveryReport;
import okno.engine.pipeline.Replay;
import okno.engine.pipeline.ReplayReport;
import okno.engine.state.NetworkState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code okno replay}: rebuilds the state of a data directory offline as start-up would (newest valid snapshot
 * plus journal tail), prints what it used, today's tickets by state and the state hash, then replays the whole
 * journal ignoring snapshots and checks every snapshot's recorded hash against it. Exit codes: 0 consistent,
 * 1 a problem was found (damaged journal, snapshot hash mismatch, diverging replays), 2 bad usage.
 * Must not run on a directory a live server is writing to.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Rebuild the state from snapshot + journal, print counts and the state hash, check snapshots.")
final class ReplayCommand implements Callable<Integer>
{
    /** Exit code when the data directory is inconsistent. */
    static final int EXIT_INCONSISTENT = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "network YAML file (default: the demo network)")
    private Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
        description = "directory holding journal/ and snapshots/ (default: ${DEFAULT-VALUE})")
    private Path data;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final NetworkConfig network = NetworkOption.load(config, "demo", err, "okno replay");
        if (network == null)
        {
            return OknoMain.EXIT_USAGE;
        }
        if (!Files.isDirectory(data.resolve("journal")))
        {
            err.println("okno replay: " + data + " holds no journal/ directory");
            return OknoMain.EXIT_USAGE;
        }
        final long start = System.nanoTime();
        // Replay.check builds the snapshot-based state first: that is the one whose views are printed.
        final List<NetworkState> built = new ArrayList<>();
        final ReplayReport report;
        try
        {
            report = Replay.check(data, () ->
            {
                final NetworkState state = new NetworkState(network);
                built.add(state);
                return state;
            });
        }
        catch (final IllegalStateException e)
        {
            // Start-up refuses such a snapshot; the full replay says which sequence and hashes disagree.
            err.println("error: " + e.getMessage());
            final ReplayReport full = Replay.fullJournal(data, new NetworkState(network));
            full.errors().forEach(error -> err.println("error: " + error));
            out.println("full journal replay: " + full.commandsReplayed() + " commands, state hash "
                + hex(full.stateHash()));
            err.println("okno replay: data directory " + data + " is inconsistent");
            return EXIT_INCONSISTENT;
        }
        print(out, network, report.recovery(), built.get(0), (System.nanoTime() - start) / 1_000_000);
        if (!report.ok())
        {
            report.errors().forEach(error -> err.println("error: " + error));
            err.println("okno replay: " + report.errors().size() + " problem(s) in data directory " + data);
            return EXIT_INCONSISTENT;
        }
        out.println("check         full journal replay and every snapshot agree");
        return 0;
    }

    private static void print(final PrintWriter out, final NetworkConfig network, final RecoveryReport recovery,
        final NetworkState state, final long elapsedMs)
    {
        out.println("network       '" + network.name() + "', " + network.centres().size() + " centres");
        out.println("snapshot      " + (recovery.snapshot() == null ? "none"
            : recovery.snapshot().getFileName() + " (journal sequence " + recovery.snapshotSeq() + ")")
            + (recovery.snapshotsSkipped() > 0 ? ", " + recovery.snapshotsSkipped() + " damaged skipped" : ""));
        out.println("replayed      " + recovery.commandsReplayed() + " commands (last journal sequence "
            + recovery.lastSeq() + ") in " + elapsedMs + " ms with the check");
        final int[] sums = new int[8];
        for (int c = 0; c < state.centreCount(); c++)
        {
            final CentreCounters k = state.counters(c);
            final int[] values = {k.issued(), k.waiting(), k.called(), k.serving(), k.done(), k.noShow(),
                k.postponed(), k.cancelled()};
            for (int i = 0; i < sums.length; i++)
            {
                sums[i] += values[i];
            }
        }
        out.println("tickets       issued " + sums[0] + ": waiting " + sums[1] + ", called " + sums[2]
            + ", serving " + sums[3] + ", done " + sums[4] + ", no-show " + sums[5] + ", postponed " + sums[6]
            + ", cancelled " + sums[7] + " (today)");
        out.println("state hash    " + hex(recovery.stateHash()));
        out.flush();
    }

    private static String hex(final long hash)
    {
        return String.format("%016x", hash);
    }
}

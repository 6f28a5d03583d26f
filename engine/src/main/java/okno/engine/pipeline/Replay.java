package okno.engine.pipeline;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import okno.engine.api.StateMachine;
import okno.engine.journal.JournalOutcome;
import okno.engine.journal.ReadAheadJournalReader;
import okno.engine.snapshot.SnapshotHeader;
import okno.engine.snapshot.SnapshotStore;
import org.agrona.collections.Long2LongHashMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Offline rebuild of the state from a data directory, for {@code okno replay} and tests: the same path as
 * start-up (newest valid snapshot plus journal tail), a full replay of the journal that ignores snapshots
 * and checks each snapshot's recorded hash at the sequence it covers, and {@link #check} running both.
 * Should not run on a directory a live pipeline is writing to.
 */
public final class Replay
{
    private Replay()
    {
    }

    /** Rebuilds the state as start-up does: newest valid snapshot, then the journal after it. */
    public static ReplayReport fromSnapshot(final Path dataDir, final StateMachine emptyState) throws IOException
    {
        final PipelineConfig config = PipelineConfig.defaults(dataDir);
        try (ChronicleQueue queue = open(config))
        {
            final RecoveryReport recovery = Recovery.recover(
                emptyState, new SnapshotStore(config.snapshotDir(), Integer.MAX_VALUE), queue, true);
            return new ReplayReport(recovery, journalErrors(recovery.journal()));
        }
    }

    /**
     * Replays the whole journal into the empty state, ignoring snapshots for the rebuild but checking that
     * every valid snapshot's recorded state hash equals the replayed state at its journal sequence.
     */
    public static ReplayReport fullJournal(final Path dataDir, final StateMachine emptyState) throws IOException
    {
        final PipelineConfig config = PipelineConfig.defaults(dataDir);
        final SnapshotStore store = new SnapshotStore(config.snapshotDir(), Integer.MAX_VALUE);
        final Long2LongHashMap expectedHashes = new Long2LongHashMap(Long.MIN_VALUE);
        final List<String> errors = new ArrayList<>();
        for (final Path file : store.list())
        {
            final SnapshotStore.Loaded loaded = store.read(file);
            // a snapshot of another state format hashes another state: nothing to compare
            if (loaded != null && loaded.header().stateFormat() == emptyState.snapshotFormat())
            {
                final SnapshotHeader header = loaded.header();
                expectedHashes.put(header.journalSeq(), header.stateHash());
            }
        }
        checkHash(expectedHashes, 0, emptyState.stateHash(), errors);
        try (ChronicleQueue queue = open(config))
        {
            final JournalOutcome outcome = new ReadAheadJournalReader().read(queue, -1, 0, (seq, command) ->
            {
                emptyState.replay(command);
                if (expectedHashes.containsKey(seq))
                {
                    checkHash(expectedHashes, seq, emptyState.stateHash(), errors);
                }
            });
            errors.addAll(journalErrors(outcome));
            expectedHashes.forEach((seq, hash) -> errors.add(
                "snapshot at journal sequence " + seq + " lies beyond the last journaled command "
                    + outcome.lastSeq()));
            return new ReplayReport(new RecoveryReport(null, 0, 0, outcome, emptyState.stateHash()), errors);
        }
    }

    /**
     * Runs {@link #fromSnapshot} and {@link #fullJournal} on fresh state machines and reports, in addition to
     * their errors, a difference between their final state hashes.
     *
     * @return the snapshot-based report with all errors found
     */
    public static ReplayReport check(final Path dataDir, final Supplier<StateMachine> emptyStates) throws IOException
    {
        final ReplayReport viaSnapshot = fromSnapshot(dataDir, emptyStates.get());
        final ReplayReport full = fullJournal(dataDir, emptyStates.get());
        final List<String> errors = new ArrayList<>(viaSnapshot.errors());
        full.errors().stream().filter(e -> !errors.contains(e)).forEach(errors::add);
        if (viaSnapshot.stateHash() != full.stateHash())
        {
            errors.add("snapshot + journal replay gives state hash " + Long.toHexString(viaSnapshot.stateHash())
                + " but a full journal replay gives " + Long.toHexString(full.stateHash()));
        }
        return new ReplayReport(viaSnapshot.recovery(), errors);
    }

    private static void checkHash(final Long2LongHashMap expected, final long seq, final long actual,
        final List<String> errors)
    {
        final long recorded = expected.remove(seq);
        if (recorded != Long.MIN_VALUE && recorded != actual)
        {
            errors.add("snapshot at journal sequence " + seq + " records state hash " + Long.toHexString(recorded)
                + " but replaying the journal to that point gives " + Long.toHexString(actual));
        }
    }

    private static List<String> journalErrors(final JournalOutcome outcome)
    {
        return outcome.damaged()
            ? List.of("journal damaged at index 0x" + Long.toHexString(outcome.damagedIndex()) + ": " + outcome.damage()
                + "; replay stopped at journal sequence " + outcome.lastSeq())
            : List.of();
    }

    private static ChronicleQueue open(final PipelineConfig config) throws IOException
    {
        if (!Files.isDirectory(config.journalDir()))
        {
            throw new IOException("no journal directory " + config.journalDir());
        }
        return SingleChronicleQueueBuilder.binary(config.journalDir()).build();
    }
}

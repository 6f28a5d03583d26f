package okno.engine.pipeline;

import net.openhft.chronicle.queue.ChronicleQueue;
import okno.engine.api.StateMachine;
import okno.engine.journal.JournalOutcome;
import okno.engine.journal.JournalReader;
import okno.engine.journal.ReadAheadJournalReader;
import okno.engine.snapshot.SnapshotStore;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Rebuilds a state machine from the newest usable snapshot and the journal after it. A damaged snapshot, one of
 * another state format (written by an older okno), or one whose journal position is missing, is skipped with a
 * log line and the next older one is tried; with
 * none, the whole journal is replayed into the empty state. Events of replayed commands are dropped: they
 * were published before the restart.
 */
final class Recovery
{
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

    private Recovery()
    {
    }

    /**
     * @param state        a state machine in its empty state
     * @param useSnapshots false to ignore snapshots and replay the whole journal
     * @throws IllegalStateException when a valid snapshot loads to a different state hash than it recorded
     */
    static RecoveryReport recover(final StateMachine state, final SnapshotStore snapshots, final ChronicleQueue queue,
        final boolean useSnapshots) throws IOException
    {
        SnapshotStore.Loaded used = null;
        int skipped = 0;
        if (useSnapshots)
        {
            for (final Path file : snapshots.list())
            {
                final SnapshotStore.Loaded loaded = snapshots.read(file);
                if (loaded == null)
                {
                    skipped++;
                    continue;
                }
                if (loaded.header().stateFormat() != state.snapshotFormat())
                {
                    LOG.log(Level.ERROR, "snapshot {0} holds state format {1}, this okno reads {2}; skipping it",
                        file, loaded.header().stateFormat(), state.snapshotFormat());
                    skipped++;
                    continue;
                }
                final long resumeIndex = loaded.header().resumeIndex();
                if (resumeIndex >= 0 && !JournalReader.contains(queue, resumeIndex))
                {
                    LOG.log(Level.ERROR, "snapshot {0} resumes at journal index 0x{1} which the journal does not "
                        + "hold; skipping it", file, Long.toHexString(resumeIndex));
                    skipped++;
                    continue;
                }
                loaded.restoreInto(state);
                used = loaded;
                break;
            }
        }
        final long fromIndex = used == null ? -1 : used.header().resumeIndex();
        final long afterSeq = used == null ? 0 : used.header().journalSeq();
        final JournalOutcome outcome = new ReadAheadJournalReader().read(
            queue, fromIndex, afterSeq, (seq, command) -> state.replay(command));
        return new RecoveryReport(used == null ? null : used.file(), afterSeq, skipped, outcome, state.stateHash());
    }
}

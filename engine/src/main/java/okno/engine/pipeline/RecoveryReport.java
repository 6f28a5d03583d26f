package okno.engine.pipeline;

import okno.engine.journal.JournalOutcome;

import java.nio.file.Path;

/**
 * What a start-up (or a {@link Replay}) rebuilt the state from.
 *
 * @param snapshot        snapshot file loaded, or null when replay started from the empty state
 * @param snapshotSeq     journal sequence that snapshot covers (0 without one)
 * @param snapshotsSkipped damaged or unusable snapshot files passed over
 * @param journal         the journal replay after the snapshot
 * @param stateHash       state hash after recovery
 */
public record RecoveryReport(Path snapshot, long snapshotSeq, int snapshotsSkipped, JournalOutcome journal,
    long stateHash)
{
    /** @return commands replayed from the journal. */
    public long commandsReplayed()
    {
        return journal.replayed();
    }

    /** @return journal sequence of the last command in the state. */
    public long lastSeq()
    {
        return journal.lastSeq();
    }

    @Override
    public String toString()
    {
        return "snapshot " + (snapshot == null ? "none" : snapshot.getFileName() + " (sequence " + snapshotSeq + ")")
            + (snapshotsSkipped > 0 ? ", " + snapshotsSkipped + " unusable snapshot(s) skipped" : "")
            + ", " + journal.replayed() + " commands replayed, last journal sequence " + journal.lastSeq()
            + (journal.damaged() ? ", journal damaged at index 0x" + Long.toHexString(journal.damagedIndex())
            + " (" + journal.damage() + ")" : "")
            + ", state hash " + Long.toHexString(stateHash);
    }
}

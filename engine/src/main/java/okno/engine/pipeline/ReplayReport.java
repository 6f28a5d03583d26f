package okno.engine.pipeline;

import java.util.List;

/**
 * Result of a {@link Replay}.
 *
 * @param recovery what the state was rebuilt from, with counts and the final state hash
 * @param errors   problems found (damaged journal, snapshot hash mismatches, diverging replays); empty when
 *                 everything checks out
 */
public record ReplayReport(RecoveryReport recovery, List<String> errors)
{
    /** Copies the error list. */
    public ReplayReport
    {
        errors = List.copyOf(errors);
    }

    /** @return state hash after the replay. */
    public long stateHash()
    {
        return recovery.stateHash();
    }

    /** @return commands replayed from the journal. */
    public long commandsReplayed()
    {
        return recovery.commandsReplayed();
    }

    /** @return whether a snapshot was the starting point. */
    public boolean snapshotUsed()
    {
        return recovery.snapshot() != null;
    }

    /** @return whether no error was found. */
    public boolean ok()
    {
        return errors.isEmpty();
    }
}

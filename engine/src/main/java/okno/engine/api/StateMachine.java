package okno.engine.api;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The deterministic core: commands in, events out, on one thread. Knows nothing of the host that runs it
 * (Disruptor and Chronicle Queue on one node today, a replicated log later). Time comes only from
 * {@link Command#timestampMs}; the same commands from the same snapshot give the same events and
 * {@link #stateHash()}.
 */
public interface StateMachine
{
    /**
     * Applies one command, writes its result into the command and reports events.
     * A rejected command changes nothing and yields one {@link EventType#REJECTED} event.
     */
    void apply(Command command, EventListener events);

    /**
     * Applies a command read back from the journal (recovery, offline replay): its caller was answered when it was
     * first applied, so nobody reads its result or events. The state must come out exactly as from {@link #apply};
     * a state machine may skip computing values only a caller would read.
     */
    default void replay(final Command command)
    {
        apply(command, EventListener.NONE);
    }

    /** @return a hash of the whole state built from stable codes only, equal across JVM runs. */
    long stateHash();

    /**
     * @return the format of what {@link #writeSnapshot} writes, recorded in each snapshot file: a snapshot of
     *     another format (an older okno) is skipped at start-up in favour of an older one or the journal, never
     *     misread; change it whenever the snapshot layout or the state hash changes
     */
    int snapshotFormat();

    /** Writes the whole state. */
    void writeSnapshot(DataOutput out) throws IOException;

    /** Replaces the whole state with one written by {@link #writeSnapshot}. */
    void readSnapshot(DataInput in) throws IOException;
}

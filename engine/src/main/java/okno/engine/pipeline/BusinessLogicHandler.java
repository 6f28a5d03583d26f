package okno.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import okno.engine.api.StateMachine;
import okno.engine.snapshot.SnapshotStore;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Stage 1b: the single thread that owns the state machine. Applies every command, collecting its events into
 * the slot, and takes a periodic snapshot at the end of a batch once enough mutating commands have passed.
 */
final class BusinessLogicHandler implements EventHandler<CommandSlot>
{
    private static final System.Logger LOG = System.getLogger(BusinessLogicHandler.class.getName());

    private final StateMachine state;
    private final SnapshotStore snapshots;
    private final JournalHandler journal;
    private final long snapshotEvery;
    private long appliedSeq;
    private long sinceSnapshot;

    /**
     * @param appliedSeq journal sequence of the last command already in the recovered state
     */
    BusinessLogicHandler(final StateMachine state, final SnapshotStore snapshots, final JournalHandler journal,
        final long snapshotEvery, final long appliedSeq)
    {
        this.state = state;
        this.snapshots = snapshots;
        this.journal = journal;
        this.snapshotEvery = snapshotEvery;
        this.appliedSeq = appliedSeq;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.rejectedAtIngress)
        {
            return;
        }
        state.apply(slot.command, slot.events);
        if (slot.command.type.mutates())
        {
            appliedSeq++;
            sinceSnapshot++;
            // A snapshot needs the journal index of its last command, known once that slot is journaled; a batch
            // ending in a query defers the snapshot to a later batch.
            if (endOfBatch && snapshotEvery > 0 && sinceSnapshot >= snapshotEvery)
            {
                journal.awaitCommitted(sequence);
                if (slot.journalSeq != appliedSeq)
                {
                    throw new IllegalStateException("journal sequence " + slot.journalSeq
                        + " differs from applied sequence " + appliedSeq);
                }
                snapshot(slot.journalIndex);
            }
        }
    }

    /** @return journal sequence of the last command applied; read only after the ring is drained. */
    long appliedSeq()
    {
        return appliedSeq;
    }

    /**
     * Writes a snapshot of the current state. Called on the business-logic thread, or on the closing thread
     * once the ring is drained and halted.
     */
    void snapshot(final long resumeIndex)
    {
        try
        {
            final long start = System.nanoTime();
            snapshots.write(state, appliedSeq, resumeIndex);
            LOG.log(Level.INFO, "snapshot at journal sequence {0} written in {1} ms, state hash {2}",
                String.valueOf(appliedSeq), String.valueOf((System.nanoTime() - start) / 1_000_000),
                Long.toHexString(state.stateHash()));
        }
        catch (final IOException ex)
        {
            // The journal still holds every command: a failed snapshot only makes the next start-up slower.
            LOG.log(Level.ERROR, "snapshot at journal sequence " + appliedSeq + " failed", ex);
        }
        sinceSnapshot = 0;
    }
}

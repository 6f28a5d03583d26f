package okno.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import okno.engine.api.EventListener;
import okno.engine.api.StateMachine;


/**
 * Stage 1b: the single thread that owns the state machine. Applies every command, collecting its events into
 * the slot, and takes a periodic snapshot at the end of a batch once enough mutating commands have passed (only
 * the encoding runs here; the {@link SnapshotWriter} writes the file).
 */
final class BusinessLogicHandler implements EventHandler<CommandSlot>
{
    private final StateMachine state;
    private final SnapshotWriter snapshots;
    private final JournalHandler journal;
    private final long snapshotEvery;
    private long appliedSeq;
    private long sinceSnapshot;

    /**
     * @param appliedSeq journal sequence of the last command already in the recovered state
     */
    BusinessLogicHandler(final StateMachine state, final SnapshotWriter snapshots, final JournalHandler journal,
        final long snapshotEvery, final long appliedSeq)
    {
        this.state = state;
        this.snapshots = snapshots;
        this.journal = journal;
        this.snapshotEvery = snapshotEvery;
        this.appliedSeq = appliedSeq;
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("okno-pipeline-logic");
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        apply(slot, sequence, endOfBatch, slot.events);
    }

    /**
     * Applies the slot's command, its events into {@code events}; at the end of a batch, snapshots when due.
     * The slot must be journaled up to {@code sequence} by then, or be so soon (parallel stages).
     */
    void apply(final CommandSlot slot, final long sequence, final boolean endOfBatch, final EventListener events)
    {
        if (slot.rejectedAtIngress)
        {
            return;
        }
        state.apply(slot.command, events);
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
     * Encodes a snapshot of the current state for the snapshot writer (skipped while it still writes the previous
     * one). Called on the business-logic thread, or on the closing thread once the ring is drained and halted.
     */
    void snapshot(final long resumeIndex)
    {
        snapshots.trySnapshot(state, appliedSeq, resumeIndex);
        sinceSnapshot = 0;
    }
}

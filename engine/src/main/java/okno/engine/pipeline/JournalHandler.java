package okno.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import okno.engine.journal.JournalWriter;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stage 1a: appends each mutating command to the journal and commits one document per Disruptor batch
 * (more when a batch exceeds the document size), so the cost of a commit is shared by the whole batch.
 * Runs in parallel with the {@link BusinessLogicHandler}; the publisher waits for both, so a caller is
 * answered only after its command's document is written (and forced, in sync mode).
 */
final class JournalHandler implements EventHandler<CommandSlot>
{
    private final JournalWriter writer;
    private final CommandSlot[] pending;
    private final long voidFromIndex;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private int pendingCount;
    private volatile long committedRingSeq = -1;
    private volatile long committedSeq;
    private volatile long committedIndex;

    /**
     * @param voidFromIndex index of a damaged document found by recovery, voided by a marker on start; -1 if none
     */
    JournalHandler(final JournalWriter writer, final int maxRecords, final long voidFromIndex)
    {
        this.writer = writer;
        this.pending = new CommandSlot[maxRecords];
        this.voidFromIndex = voidFromIndex;
        this.committedSeq = writer.lastSeq();
        this.committedIndex = writer.lastIndex();
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("okno-pipeline-journal");
        if (voidFromIndex >= 0)
        {
            writer.appendVoidMarker(voidFromIndex);
            committedIndex = writer.lastIndex();
        }
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.journaled())
        {
            if (writer.isFull())
            {
                commit();
            }
            slot.journalSeq = writer.append(slot.command);
            pending[pendingCount++] = slot;
        }
        if (endOfBatch)
        {
            commit();
            committedRingSeq = sequence;
        }
    }

    @Override
    public void onShutdown()
    {
        writer.close();
        stopped.countDown();
    }

    /** Waits (spinning; used only before a snapshot) until the ring sequence is committed to the journal. */
    void awaitCommitted(final long ringSequence)
    {
        while (committedRingSeq < ringSequence)
        {
            Thread.yield();
        }
    }

    /** @return journal sequence of the last command written. */
    long committedSeq()
    {
        return committedSeq;
    }

    /** @return queue index of the last document written, -1 when the journal is empty. */
    long committedIndex()
    {
        return committedIndex;
    }

    /** Waits for the journal thread to release its appender after the Disruptor halts. */
    boolean awaitStopped(final long timeoutMs) throws InterruptedException
    {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void commit()
    {
        if (pendingCount == 0)
        {
            return;
        }
        final long index = writer.commit();
        for (int i = 0; i < pendingCount; i++)
        {
            pending[i].journalIndex = index;
            pending[i] = null;
        }
        pendingCount = 0;
        committedIndex = index;
        committedSeq = writer.lastSeq();
    }
}

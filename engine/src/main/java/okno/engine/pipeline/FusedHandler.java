package okno.engine.pipeline;

import com.lmax.disruptor.DataProvider;
import com.lmax.disruptor.EventHandler;

/**
 * All stages on one thread, batch by batch: the {@link JournalHandler} records each command of the batch and
 * commits one document at its end; then each command is applied by the {@link BusinessLogicHandler} and at once
 * answered and fanned out by the {@link ReplyHandler}. A caller is still answered only after its command is
 * journaled and applied, but no stage waits for another thread, and events go from the state machine's flyweight
 * through one reused buffer instead of a copy in each ring slot. Batches are capped at a journal document's size,
 * so the second pass finds the batch's slots still in cache.
 */
final class FusedHandler implements EventHandler<CommandSlot>
{
    private final JournalHandler journal;
    private final BusinessLogicHandler logic;
    private final ReplyHandler replies;
    private final DataProvider<CommandSlot> ring;
    private final EventBuffer events = new EventBuffer(EventBuffer.SLOT_CAPACITY);
    /** Ring sequence of the first command of the current batch. */
    private long batchStart;

    FusedHandler(final JournalHandler journal, final BusinessLogicHandler logic, final ReplyHandler replies,
        final DataProvider<CommandSlot> ring)
    {
        this.journal = journal;
        this.logic = logic;
        this.replies = replies;
        this.ring = ring;
    }

    @Override
    public void onStart()
    {
        journal.onStart();
        Thread.currentThread().setName("okno-pipeline-fused");
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        journal.onEvent(slot, sequence, endOfBatch);
        if (endOfBatch)
        {
            for (long s = batchStart; s <= sequence; s++)
            {
                final CommandSlot applied = ring.get(s);
                events.clear();
                logic.apply(applied, s, s == sequence, events);
                replies.deliver(applied, events);
            }
            events.clear();
            replies.endBatch();
            batchStart = sequence + 1;
        }
    }

    @Override
    public void onShutdown()
    {
        journal.onShutdown();
    }
}

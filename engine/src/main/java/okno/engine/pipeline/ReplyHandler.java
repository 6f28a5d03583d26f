package okno.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * Stage 2, after both the journaler and the business logic: shows each command to the reply observers,
 * answers its caller and hands its events, in order, to every subscriber; at the end of a batch it tells the
 * {@link BatchReplyListener}s it answered. A failing listener is logged and does not stop the pipeline.
 * The {@link FusedHandler} calls {@link #deliver} and {@link #endBatch} itself, with events it did not copy
 * into the slot.
 */
final class ReplyHandler implements EventHandler<CommandSlot>
{
    private static final System.Logger LOG = System.getLogger(ReplyHandler.class.getName());

    private volatile EventListener[] subscribers = new EventListener[0];
    private volatile ReplyListener[] observers = new ReplyListener[0];
    /** Batch listeners answered in the current batch; publisher thread only. */
    private BatchReplyListener[] answered = new BatchReplyListener[16];
    private int answeredCount;

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("okno-pipeline-publisher");
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        deliver(slot, slot.events);
        if (endOfBatch)
        {
            endBatch();
        }
    }

    /** Answers one applied and journaled command and fans out its events. */
    void deliver(final CommandSlot slot, final EventBuffer events)
    {
        if (!slot.rejectedAtIngress)
        {
            for (final ReplyListener observer : observers)
            {
                reply(observer, slot);
            }
        }
        final ReplyListener listener = slot.listener;
        if (listener != null)
        {
            reply(listener, slot);
            slot.listener = null;
            if (listener instanceof BatchReplyListener)
            {
                remember((BatchReplyListener)listener);
            }
        }
        final EventListener[] targets = subscribers;
        for (int i = 0, n = events.size(); i < n; i++)
        {
            final EngineEvent event = events.get(i);
            for (final EventListener target : targets)
            {
                try
                {
                    target.onEvent(event);
                }
                catch (final RuntimeException ex)
                {
                    LOG.log(Level.WARNING, "event subscriber failed on " + event, ex);
                }
            }
        }
    }

    private static void reply(final ReplyListener listener, final CommandSlot slot)
    {
        try
        {
            listener.onReply(slot.correlation, slot.command);
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.WARNING, "reply listener failed for " + slot.command, ex);
        }
    }

    /** Notes a batch listener once per batch; few distinct ones (connections) answer in one batch. */
    private void remember(final BatchReplyListener listener)
    {
        for (int i = answeredCount - 1; i >= 0; i--)
        {
            if (answered[i] == listener)
            {
                return;
            }
        }
        if (answeredCount == answered.length)
        {
            answered = Arrays.copyOf(answered, answeredCount * 2);
        }
        answered[answeredCount++] = listener;
    }

    /** Tells the batch listeners answered since the last call that their batch ended. */
    void endBatch()
    {
        for (int i = 0; i < answeredCount; i++)
        {
            try
            {
                answered[i].onEndOfBatch();
            }
            catch (final RuntimeException ex)
            {
                LOG.log(Level.WARNING, "reply listener failed at the end of a batch", ex);
            }
            answered[i] = null;
        }
        answeredCount = 0;
    }

    synchronized void add(final EventListener subscriber)
    {
        subscribers = grown(subscribers, subscriber);
    }

    synchronized void remove(final EventListener subscriber)
    {
        subscribers = without(subscribers, subscriber);
    }

    synchronized void addObserver(final ReplyListener observer)
    {
        observers = grown(observers, observer);
    }

    synchronized void removeObserver(final ReplyListener observer)
    {
        observers = without(observers, observer);
    }

    private static <T> T[] grown(final T[] array, final T item)
    {
        final T[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = item;
        return grown;
    }

    private static <T> T[] without(final T[] array, final T item)
    {
        return Arrays.stream(array).filter(t -> t != item)
            .toArray(n -> Arrays.copyOf(array, n));
    }
}

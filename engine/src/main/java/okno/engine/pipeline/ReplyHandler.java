package okno.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * Stage 2, after both the journaler and the business logic: answers the caller of each command and hands
 * its events, in order, to every subscriber. A failing listener is logged and does not stop the pipeline.
 */
final class ReplyHandler implements EventHandler<CommandSlot>
{
    private static final System.Logger LOG = System.getLogger(ReplyHandler.class.getName());

    private volatile EventListener[] subscribers = new EventListener[0];

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        final ReplyListener listener = slot.listener;
        if (listener != null)
        {
            try
            {
                listener.onReply(slot.correlation, slot.command);
            }
            catch (final RuntimeException ex)
            {
                LOG.log(Level.WARNING, "reply listener failed for " + slot.command, ex);
            }
            slot.listener = null;
        }
        final EventListener[] targets = subscribers;
        final EventBuffer events = slot.events;
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

    synchronized void add(final EventListener subscriber)
    {
        final EventListener[] grown = Arrays.copyOf(subscribers, subscribers.length + 1);
        grown[grown.length - 1] = subscriber;
        subscribers = grown;
    }

    synchronized void remove(final EventListener subscriber)
    {
        subscribers = Arrays.stream(subscribers).filter(s -> s != subscriber).toArray(EventListener[]::new);
    }
}

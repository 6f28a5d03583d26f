package okno.engine.pipeline;

import okno.engine.api.EngineEvent;
import okno.engine.api.EventListener;

/**
 * The events one command produced, copied out of the state machine's flyweight into preallocated events of
 * the command's own ring slot, so they travel to the publisher with their command and in order. The array
 * grows (rarely, and then stays) when a command produces more events than ever before.
 */
final class EventBuffer implements EventListener
{
    /** Events preallocated in each ring slot of the parallel stages: most commands produce one to three. */
    static final int SLOT_CAPACITY = 4;

    private EngineEvent[] events = new EngineEvent[0];
    private int size;

    /** @param capacity events preallocated now */
    EventBuffer(final int capacity)
    {
        ensureCapacity(capacity);
    }

    /** Copies the event; called on the business-logic thread during {@code StateMachine.apply}. */
    @Override
    public void onEvent(final EngineEvent event)
    {
        if (size == events.length)
        {
            ensureCapacity(Math.max(SLOT_CAPACITY, size * 2));
        }
        events[size++].copyFrom(event);
    }

    void clear()
    {
        size = 0;
    }

    int size()
    {
        return size;
    }

    EngineEvent get(final int i)
    {
        return events[i];
    }

    private void ensureCapacity(final int capacity)
    {
        final EngineEvent[] grown = java.util.Arrays.copyOf(events, capacity);
        for (int i = events.length; i < capacity; i++)
        {
            grown[i] = new EngineEvent();
        }
        events = grown;
    }
}

package okno.server.sim;

import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.EventListener;
import okno.engine.state.NetworkState;

/**
 * The simulator's one reused command slot: claim it with {@link #command}, fill it, {@link #apply} it to the
 * state machine stamped with the virtual now; the engine's events go to the day's listener.
 */
final class EngineSlot
{
    private final NetworkState state;
    private final DayClock clock;
    private final EventListener listener;
    private final Command slot = new Command().clear();

    EngineSlot(final NetworkState state, final DayClock clock, final EventListener listener)
    {
        this.state = state;
        this.clock = clock;
        this.listener = listener;
    }

    /** @return the cleared slot typed {@code type} and stamped now. */
    Command command(final CommandType type)
    {
        slot.clear();
        slot.type = type;
        slot.timestampMs = clock.nowMs();
        return slot;
    }

    /** @return the slot as filled (its result after {@link #apply}). */
    Command slot()
    {
        return slot;
    }

    /** Applies the slot to the state machine; its events reach the listener before this returns. */
    void apply()
    {
        state.apply(slot, listener);
    }

    /** @return the state machine (for views). */
    NetworkState state()
    {
        return state;
    }
}

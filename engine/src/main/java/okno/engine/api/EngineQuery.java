package okno.engine.api;

/**
 * Read-only work carried by a {@link CommandType#QUERY} command and run on the engine thread, between
 * mutating commands, so it sees a consistent state. It must not keep references into the view.
 */
@FunctionalInterface
public interface EngineQuery
{
    /** Reads what it needs from the view; called on the engine thread. */
    void read(NetworkView view);
}

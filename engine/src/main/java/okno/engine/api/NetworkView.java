package okno.engine.api;

/**
 * Read-only view of the engine state for {@link EngineQuery queries}: queues, positions, counters.
 * Used on the engine thread only.
 */
public interface NetworkView
{
}

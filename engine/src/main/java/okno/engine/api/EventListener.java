package okno.engine.api;

/** Receives the engine's events, on the engine thread, in order. */
@FunctionalInterface
public interface EventListener
{
    /** A listener that drops every event. */
    EventListener NONE = event -> { };

    /**
     * @param event a flyweight valid only during this call
     */
    void onEvent(EngineEvent event);
}

package okno.protocol.ws;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * First message of a new event stream: the current state the live events then update. Each method completes
 * the given future on the engine's publisher thread in command order (see
 * {@link okno.protocol.gateway.EngineGateway#query(java.util.function.Function, CompletableFuture)}), so a
 * dependent attached before the call knows exactly which live events the snapshot already contains.
 */
public interface StreamSnapshots
{
    /** Completes {@code snapshot} with the current calls and queue sizes of one centre, as a JSON-ready map. */
    void centre(String centreId, CompletableFuture<Map<String, Object>> snapshot);

    /** Completes {@code snapshot} with the current load of every centre, as a JSON-ready map. */
    void network(CompletableFuture<Map<String, Object>> snapshot);
}

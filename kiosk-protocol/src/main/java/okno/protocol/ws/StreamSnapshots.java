package okno.protocol.ws;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** First message of a new event stream: the current state the live events then update. */
public interface StreamSnapshots
{
    /** @return current calls and queue sizes of one centre, as a JSON-ready map. */
    CompletableFuture<Map<String, Object>> centre(String centreId);

    /** @return current load of every centre, as a JSON-ready map. */
    CompletableFuture<Map<String, Object>> network();
}

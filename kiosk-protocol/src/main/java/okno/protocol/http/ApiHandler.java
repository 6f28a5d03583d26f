package okno.protocol.http;

import java.util.concurrent.CompletionStage;

/** Serves one route. May complete later (after the engine answered); may throw {@link ApiException}. */
@FunctionalInterface
public interface ApiHandler
{
    /** @return the response, possibly completed on another thread. */
    CompletionStage<ApiResponse> handle(ApiRequest request);
}

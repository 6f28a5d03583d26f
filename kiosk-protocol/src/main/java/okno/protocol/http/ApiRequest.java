package okno.protocol.http;

import okno.protocol.auth.Principal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A parsed HTTP request as handlers see it.
 *
 * @param method     HTTP method, upper case
 * @param path       request path without query
 * @param pathParams values of the {@code {name}} segments of the matched route
 * @param query      query parameters
 * @param body       request body bytes (empty when none)
 * @param principal  the authenticated caller
 * @param client     who to rate-limit: the bearer token, or the remote address of anonymous callers
 * @param executor   the connection's I/O thread: continuations that submit more work to the engine run there,
 *                   never on the engine's publisher thread (which must not block on a full ring)
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
    Map<String, List<String>> query, byte[] body, Principal principal, String client, Executor executor)
{
    /** @return a path parameter that the route guarantees. */
    public String param(final String name)
    {
        return pathParams.get(name);
    }

    /** @return the single value of a query parameter, or {@code null}. */
    public String queryParam(final String name)
    {
        final List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the query parameter or a 400 naming it. */
    public String requireQueryParam(final String name)
    {
        final String value = queryParam(name);
        if (value == null || value.isEmpty())
        {
            throw ApiException.badRequest("missing_parameter", "Query parameter '" + name + "' is required.");
        }
        return value;
    }
}

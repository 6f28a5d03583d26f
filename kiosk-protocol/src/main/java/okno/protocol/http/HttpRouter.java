package okno.protocol.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps method and path to a handler. Patterns are literal segments and {@code {name}} placeholders, e.g.
 * {@code /api/centres/{c}/windows/{w}/call-next}. An unknown path is 404, a known path with another
 * method 405 listing the allowed ones.
 */
public final class HttpRouter
{
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; returns this for chaining. */
    public HttpRouter add(final String method, final String pattern, final ApiHandler handler)
    {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** The match of a request: handler and path parameters. */
    public record Match(ApiHandler handler, Map<String, String> pathParams)
    {
    }

    /**
     * @return the match
     * @throws ApiException 404 or 405
     */
    public Match match(final String method, final String path)
    {
        final String[] segments = split(path);
        final TreeSet<String> allowed = new TreeSet<>();
        for (final Route route : routes)
        {
            final Map<String, String> params = route.bind(segments);
            if (params != null)
            {
                if (route.method.equals(method))
                {
                    return new Match(route.handler, params);
                }
                allowed.add(route.method);
            }
        }
        if (!allowed.isEmpty())
        {
            throw new ApiException(405, "method_not_allowed",
                "Method " + method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed) + ".");
        }
        throw ApiException.notFound("unknown_path", "No endpoint at " + path + ".");
    }

    private static String[] split(final String path)
    {
        final String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private record Route(String method, String[] pattern, ApiHandler handler)
    {
        Map<String, String> bind(final String[] segments)
        {
            if (segments.length != pattern.length)
            {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < pattern.length; i++)
            {
                final String p = pattern[i];
                if (p.startsWith("{") && p.endsWith("}"))
                {
                    if (segments[i].isEmpty())
                    {
                        return null;
                    }
                    if (params == null)
                    {
                        params = new HashMap<>();
                    }
                    params.put(p.substring(1, p.length() - 1), UrlSegments.decode(segments[i]));
                }
                else if (!p.equals(segments[i]))
                {
                    return null;
                }
            }
            return params == null ? Map.of() : params;
        }
    }
}

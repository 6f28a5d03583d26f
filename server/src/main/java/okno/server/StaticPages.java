package okno.server;

import okno.protocol.http.ApiException;
import okno.protocol.http.ApiRequest;
import okno.protocol.http.ApiResponse;
import okno.protocol.http.HttpRouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The web UIs: files under the classpath folder {@code okno/web/}, served at {@code /ui/<file>}; {@code /}
 * serves the index page. File names are checked against a strict pattern so no path can leave the folder.
 */
final class StaticPages
{
    private static final String ROOT = "okno/web/";
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "svg", "image/svg+xml",
        "json", "application/json");

    private StaticPages()
    {
    }

    static void register(final HttpRouter router)
    {
        router.add("GET", "/", request -> serve("index.html"))
            .add("GET", "/ui/{file}", StaticPages::file);
    }

    private static CompletionStage<ApiResponse> file(final ApiRequest request)
    {
        return serve(request.param("file"));
    }

    private static CompletionStage<ApiResponse> serve(final String name)
    {
        final int dot = name.lastIndexOf('.');
        final String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (!SAFE_NAME.matcher(name).matches() || type == null)
        {
            throw ApiException.notFound("unknown_page", "No page '" + name + "'.");
        }
        try (InputStream in = StaticPages.class.getClassLoader().getResourceAsStream(ROOT + name))
        {
            if (in == null)
            {
                throw ApiException.notFound("unknown_page", "No page '" + name + "'.");
            }
            return CompletableFuture.completedFuture(
                ApiResponse.text(new String(in.readAllBytes(), StandardCharsets.UTF_8), type));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}

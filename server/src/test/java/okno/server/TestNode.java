package okno.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okno.config.NetworkConfig;
import okno.config.Networks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@link OknoServer} over the demo network on loopback ports, with a hand-moved clock that starts inside
 * opening hours, and a small JSON-over-HTTP client for it. Restartable over the same data directory.
 */
final class TestNode implements AutoCloseable
{
    /** Monday 2026-11-23 10:00 Moscow time: every demo centre is open. */
    static final long OPEN_MS = OffsetDateTime.parse("2026-11-23T10:00:00+03:00").toInstant().toEpochMilli();

    static final String KIOSK = "kiosk-tverskoy";
    static final String TERMINAL = "terminal-tverskoy";
    static final String DISPLAY = "display-demo";
    static final String OPERATOR = "operator-demo";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final NetworkConfig network = Networks.demo();
    final AtomicLong clockMs = new AtomicLong(OPEN_MS);
    private final Path dataDir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OknoServer server;

    private TestNode(final Path dataDir) throws IOException, InterruptedException
    {
        this.dataDir = dataDir;
        start();
    }

    static TestNode start(final Path dataDir) throws IOException, InterruptedException
    {
        return new TestNode(dataDir);
    }

    private void start() throws IOException, InterruptedException
    {
        server = OknoServer.start(new OknoServer.Settings(network, dataDir, "127.0.0.1", 0, 0, clockMs::get));
    }

    /** Closes the node (final snapshot) and starts a new one over the same data directory. */
    void restart() throws IOException, InterruptedException
    {
        server.close();
        start();
    }

    OknoServer server()
    {
        return server;
    }

    HttpClient client()
    {
        return client;
    }

    void advanceMinutes(final long minutes)
    {
        clockMs.addAndGet(minutes * 60_000);
    }

    URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    URI wsUri(final String path)
    {
        return URI.create("ws://127.0.0.1:" + server.httpPort() + path);
    }

    Reply get(final String path, final String token)
    {
        return send(request(path, token).GET());
    }

    Reply post(final String path, final String token, final String json)
    {
        return send(request(path, token).header("Content-Type", "application/json")
            .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(final String path, final String token)
    {
        return send(request(path, token).DELETE());
    }

    Reply method(final String method, final String path, final String token)
    {
        return send(request(path, token).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(final String path, final String token)
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    Reply send(final HttpRequest.Builder builder)
    {
        try
        {
            final HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Asserts a refusal: status, error code and the documented {@code {"error","message"}} body. */
    static void refused(final int status, final String error, final Reply reply)
    {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        final JsonNode body = reply.json();
        assertEquals(2, body.size(), reply.body());
        assertEquals(error, body.get("error").asText(), reply.body());
        assertFalse(body.get("message").asText().isBlank(), reply.body());
    }

    static JsonNode parse(final String json)
    {
        try
        {
            return MAPPER.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not JSON: " + json, ex);
        }
    }

    @Override
    public void close()
    {
        server.close();
    }

    /** An HTTP answer. */
    record Reply(int status, String body, String contentType)
    {
        JsonNode json()
        {
            return parse(body);
        }

        String text(final String field)
        {
            return json().path(field).asText();
        }

        @Override
        public String toString()
        {
            return status + " " + body;
        }
    }
}

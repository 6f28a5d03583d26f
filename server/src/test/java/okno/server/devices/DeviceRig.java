package okno.server.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okno.config.NetworkLoader;
import okno.drivers.testing.AlphaBoardSimulator;
import okno.drivers.testing.EscPosPrinterSimulator;
import okno.drivers.testing.ModbusPanelSimulator;
import okno.drivers.testing.WindowBusSimulator;
import okno.server.OknoServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A whole okno node whose network YAML (written to a temporary directory) points its devices at pseudo-terminals
 * served by the drivers' simulators: one kiosk printer, a display bus with windows 1 (address 1) and 2
 * (address 2), a hall board and a rating panel at window 1 (unit 1). With two kiosks the centre has a second
 * kiosk token and a second printer, and each printer names its kiosk. Engine time runs at wall-clock speed from
 * a Wednesday 10:00 in Moscow, so the centre is open whenever the test runs.
 */
final class DeviceRig implements AutoCloseable
{
    static final String KIOSK = "kiosk-north";
    static final String KIOSK_2 = "kiosk-north-2";
    static final String TERMINAL = "terminal-north";
    static final String OPERATOR = "op";
    private static final long ENGINE_START_MS = OffsetDateTime.parse("2025-03-05T10:00:00+03:00").toInstant()
        .toEpochMilli();

    final EscPosPrinterSimulator printer = new EscPosPrinterSimulator();
    /** The printer of the second kiosk, or null with one kiosk. */
    final EscPosPrinterSimulator printer2;
    final WindowBusSimulator displays = new WindowBusSimulator(Set.of(1, 2));
    final AlphaBoardSimulator board = new AlphaBoardSimulator(1);
    final ModbusPanelSimulator panels = new ModbusPanelSimulator(Set.of(1));
    final OknoServer server;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status and parsed JSON body (null when empty). */
    record Reply(int status, JsonNode body)
    {
    }

    DeviceRig(final Path dir) throws IOException, InterruptedException
    {
        this(dir, false);
    }

    DeviceRig(final Path dir, final boolean twoKiosks) throws IOException, InterruptedException
    {
        printer2 = twoKiosks ? new EscPosPrinterSimulator() : null;
        printer.start();
        if (printer2 != null)
        {
            printer2.start();
        }
        displays.start();
        board.start();
        panels.start();
        final Path yaml = dir.resolve("network.yaml");
        Files.writeString(yaml, String.join("\n",
            "network: devices-test",
            "utcOffset: \"+03:00\"",
            "services:",
            "  - {id: passport, name: \"Паспорт РФ\", expectedMinutes: 10, prefix: A,"
                + " priorities: [appointment]}",
            "  - {id: snils, name: \"СНИЛС\", expectedMinutes: 5, prefix: C}",
            "centres:",
            "  - id: north",
            "    name: \"Центр госуслуг Север\"",
            "    lat: 55.8",
            "    lon: 37.6",
            "    hours: \"08:00-20:00\"",
            "    windows:",
            "      - {ids: \"1-2\", skills: {passport: 5, snils: 3}}",
            "staff:",
            "  - {id: s1, name: Иванова, home: north, skills: [passport, snils]}",
            "  - {id: s2, name: Петров, home: north, skills: [passport, snils]}",
            "tokens:",
            "  - {token: " + KIOSK + ", role: kiosk, centre: north}",
            twoKiosks ? "  - {token: " + KIOSK_2 + ", role: kiosk, centre: north}" : "",
            "  - {token: " + TERMINAL + ", role: terminal, centre: north}",
            "  - {token: " + OPERATOR + ", role: operator}",
            "devices:",
            "  - {id: printer-north, kind: ticket-printer, centre: north, port: " + printer.slavePath()
                + ", baud: 115200" + (twoKiosks ? ", kiosk: " + KIOSK : "") + "}",
            twoKiosks ? "  - {id: printer-north-2, kind: ticket-printer, centre: north, port: " + printer2.slavePath()
                + ", baud: 115200, kiosk: " + KIOSK_2 + "}" : "",
            "  - {id: display-north-1, kind: window-display, centre: north, port: " + displays.slavePath()
                + ", baud: 9600, address: 1, window: \"1\"}",
            "  - {id: display-north-2, kind: window-display, centre: north, port: " + displays.slavePath()
                + ", baud: 9600, address: 2, window: \"2\"}",
            "  - {id: board-north, kind: hall-board, centre: north, port: " + board.slavePath()
                + ", baud: 9600, address: 1}",
            "  - {id: rating-north-1, kind: rating-panel, centre: north, port: " + panels.slavePath()
                + ", baud: 9600, address: 1, window: \"1\"}",
            ""), StandardCharsets.UTF_8);
        final long wallStart = System.currentTimeMillis();
        server = OknoServer.start(new OknoServer.Settings(NetworkLoader.fromFile(yaml), dir.resolve("data"),
            "127.0.0.1", 0, 0, () -> ENGINE_START_MS + System.currentTimeMillis() - wallStart));
    }

    String baseUrl()
    {
        return "http://127.0.0.1:" + server.httpPort();
    }

    Reply get(final String path, final String token) throws IOException, InterruptedException
    {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), token);
    }

    Reply post(final String path, final String token, final String json) throws IOException, InterruptedException
    {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private Reply send(final HttpRequest.Builder request, final String token)
        throws IOException, InterruptedException
    {
        request.timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token);
        final HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : mapper.readTree(response.body()));
    }

    /** @return the body of an open text endpoint such as {@code /metrics}. */
    String text(final String path) throws IOException, InterruptedException
    {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Reads a JSON resource every 20 ms until it satisfies the condition. */
    JsonNode awaitJson(final String path, final Predicate<JsonNode> condition, final String description,
        final long timeoutMs) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final JsonNode body = get(path, OPERATOR).body();
            if (condition.test(body))
            {
                return body;
            }
            if (System.nanoTime() > deadline)
            {
                fail("not within " + timeoutMs + " ms: " + description + "; " + path + ": " + body);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** @return the device's entry in {@code GET /api/network/devices}. */
    JsonNode device(final String id) throws IOException, InterruptedException
    {
        for (final JsonNode device : get("/api/network/devices", OPERATOR).body().get("devices"))
        {
            if (device.get("device").asText().equals(id))
            {
                return device;
            }
        }
        throw new AssertionError("no device " + id);
    }

    /** Waits until the device (every device when {@code id} is null) reports the state. */
    void awaitState(final String id, final String state, final long timeoutMs) throws IOException, InterruptedException
    {
        awaitJson("/api/network/devices", body ->
        {
            boolean all = true;
            for (final JsonNode device : body.get("devices"))
            {
                all &= id != null && !device.get("device").asText().equals(id)
                    || device.get("state").asText().equals(state);
            }
            return all;
        }, (id == null ? "all devices" : id) + " " + state, timeoutMs);
    }

    @Override
    public void close()
    {
        server.close();
        printer.close();
        if (printer2 != null)
        {
            printer2.close();
        }
        displays.close();
        board.close();
        panels.close();
    }
}

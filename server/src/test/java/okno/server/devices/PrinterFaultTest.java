package okno.server.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okno.drivers.testing.EscPosPrinterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A kiosk printer out of paper: the ticket is still issued, operators see the fault, and a reprint works. */
class PrinterFaultTest
{
    private static final long WAIT_MS = 5_000;

    private final ObjectMapper mapper = new ObjectMapper();
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private DeviceRig rig;
    private WebSocket socket;

    @AfterEach
    void tearDown()
    {
        if (socket != null)
        {
            socket.abort();
        }
        if (rig != null)
        {
            rig.close();
        }
    }

    @Test
    void paperOutKeepsIssuingReportsTheFaultAndReprintsAfterRefill(@TempDir final Path dir) throws Exception
    {
        rig = new DeviceRig(dir);
        rig.awaitState(null, "ONLINE", WAIT_MS);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + rig.server.httpPort() + "/ws/network/events?access_token="
                + DeviceRig.OPERATOR), new Collector()).get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(messages.poll(WAIT_MS, TimeUnit.MILLISECONDS), "no stream snapshot");

        rig.printer.paperOut = true;
        final JsonNode fault = nextDeviceStatus("printer-north");
        assertEquals("ticket-printer", fault.get("kind").asText());
        assertEquals("north", fault.get("centre").asText());
        assertEquals("FAULT", fault.get("state").asText());
        assertEquals("paper out", fault.get("reason").asText());

        final DeviceRig.Reply taken = rig.post("/api/centres/north/tickets", DeviceRig.KIOSK,
            "{\"services\":[\"passport\"],\"requestId\":\"r-1\"}");
        assertEquals(201, taken.status(), String.valueOf(taken.body()));
        assertEquals("A001", taken.body().get("number").asText());
        rig.awaitJson("/api/network/devices", body -> body.get("devices").get(0).get("unprinted").toString()
            .equals("[\"A001\"]"), "A001 listed as unprinted", WAIT_MS);
        final JsonNode printer = rig.device("printer-north");
        assertEquals("FAULT", printer.get("state").asText());
        assertEquals("paper out", printer.get("reason").asText());
        assertTrue(rig.text("/metrics").contains("okno_device_up{device=\"printer-north\"} 0.0"));

        final DeviceRig.Reply refused = rig.post("/api/centres/north/tickets/A001/reprint", DeviceRig.KIOSK, "");
        assertEquals(503, refused.status(), String.valueOf(refused.body()));
        assertEquals("print_failed", refused.body().get("error").asText());
        assertEquals(403, rig.post("/api/centres/north/tickets/A001/reprint", DeviceRig.TERMINAL, "").status());
        assertEquals(404, rig.post("/api/centres/north/tickets/A777/reprint", DeviceRig.KIOSK, "").status());

        rig.printer.paperOut = false;
        assertEquals("ONLINE", nextDeviceStatus("printer-north").get("state").asText());
        final DeviceRig.Reply reprinted = rig.post("/api/centres/north/tickets/A001/reprint", DeviceRig.OPERATOR, "");
        assertEquals(200, reprinted.status(), String.valueOf(reprinted.body()));
        assertEquals("printer-north", reprinted.body().get("printer").asText());
        final EscPosPrinterSimulator.Slip slip = rig.printer.nextSlip(WAIT_MS);
        assertNotNull(slip, "no slip after the refill");
        assertTrue(slip.text().contains("\nA001\n"), slip.text());
        assertEquals("[]", rig.device("printer-north").get("unprinted").toString());
    }

    /** Skips engine events until the next DeviceStatus of the device. */
    private JsonNode nextDeviceStatus(final String device) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (System.nanoTime() < deadline)
        {
            final String message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null)
            {
                break;
            }
            final JsonNode event = mapper.readTree(message);
            if ("DeviceStatus".equals(event.path("type").asText()) && device.equals(event.path("device").asText()))
            {
                return event;
            }
        }
        throw new AssertionError("no DeviceStatus of " + device + " within " + WAIT_MS + " ms");
    }

    /** Collects whole text messages of the stream. */
    private final class Collector implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}

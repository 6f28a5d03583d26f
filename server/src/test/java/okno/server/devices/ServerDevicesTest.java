package okno.server.devices;

import okno.drivers.testing.Await;
import okno.drivers.testing.EscPosPrinterSimulator;
import okno.drivers.testing.WindowBusSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole node driving simulated devices on pseudo-terminals, through its HTTP API. */
class ServerDevicesTest
{
    private static final long WAIT_MS = 5_000;

    private DeviceRig rig;

    @AfterEach
    void tearDown()
    {
        if (rig != null)
        {
            rig.close();
        }
    }

    @Test
    void ticketsPrintCallsShowKeysAndRatingsReachTheEngine(@TempDir final Path dir) throws Exception
    {
        rig = new DeviceRig(dir);
        rig.awaitState(null, "ONLINE", WAIT_MS);
        assertEquals(200, rig.post("/api/centres/north/windows/1/open", DeviceRig.TERMINAL, "{\"staffId\":\"s1\"}")
            .status());

        // kiosk: the slip of a two-service visit comes out of the printer
        final DeviceRig.Reply taken = rig.post("/api/centres/north/tickets", DeviceRig.KIOSK,
            "{\"services\":[\"passport\",\"snils\"],\"requestId\":\"r-1\"}");
        assertEquals(201, taken.status(), String.valueOf(taken.body()));
        final String number = taken.body().get("number").asText();
        assertEquals("A001", number);
        final EscPosPrinterSimulator.Slip slip = rig.printer.nextSlip(WAIT_MS);
        assertNotNull(slip, "no slip printed");
        assertTrue(slip.cut());
        assertEquals(rig.baseUrl() + "/ui/ticket.html?centre=north&number=A001", slip.qrPayload());
        assertEquals("Центр госуслуг Север", slip.lines().get(0).text());
        final String text = slip.text();
        assertTrue(text.contains("\nA001\n"), text);
        assertTrue(text.contains("Паспорт РФ\nСНИЛС\n"), text);
        assertTrue(text.contains("05.03.2025 10:0"), text);
        assertTrue(text.contains("Перед вами: 0"), text);

        // terminal: call-next blinks the number above window 1 and puts the call on the hall board
        final DeviceRig.Reply called = rig.post("/api/centres/north/windows/1/call-next", DeviceRig.TERMINAL, "");
        assertEquals(200, called.status(), String.valueOf(called.body()));
        Await.until(() -> new WindowBusSimulator.Screen("A001", true).equals(rig.displays.screen(1)),
            "window 1 blinks A001", WAIT_MS);
        Await.until(() -> rig.board.lines().equals(List.of("A001 -> 1")), "hall board shows A001 -> 1", WAIT_MS);
        assertNull(rig.displays.screen(2));

        // service: steady number while serving, blank once the visit leaves the window
        assertEquals(200, rig.post("/api/centres/north/windows/1/start", DeviceRig.TERMINAL, "").status());
        Await.until(() -> new WindowBusSimulator.Screen("A001", false).equals(rig.displays.screen(1)),
            "window 1 shows A001 steadily", WAIT_MS);
        assertEquals(200, rig.post("/api/centres/north/windows/1/complete", DeviceRig.TERMINAL, "").status());
        Await.until(() -> new WindowBusSimulator.Screen("", false).equals(rig.displays.screen(1)),
            "window 1 cleared", WAIT_MS);

        // rating panel at window 1: the visitor's score is recorded on the visit
        rig.panels.rate(1, 4);
        rig.awaitJson("/api/centres/north/tickets/A001", t -> t.get("rating").asInt() == 4, "rating 4 recorded",
            WAIT_MS);

        // keypad at window 1: call-next calls the visit's second service
        rig.displays.press(1, '1');
        rig.awaitJson("/api/centres/north/tickets/A001",
            t -> t.get("state").asText().equals("CALLED") && t.get("currentService").asText().equals("snils"),
            "keypad call-next called A001 for its second service", WAIT_MS);
        Await.until(() -> new WindowBusSimulator.Screen("A001", true).equals(rig.displays.screen(1)),
            "window 1 blinks A001 after the key", WAIT_MS);

        // every device is up on /metrics
        final String metrics = rig.text("/metrics");
        for (final String device : List.of("printer-north", "display-north-1", "display-north-2", "board-north",
            "rating-north-1"))
        {
            assertTrue(metrics.contains("okno_device_up{device=\"" + device + "\"} 1.0"), metrics);
        }
    }
}

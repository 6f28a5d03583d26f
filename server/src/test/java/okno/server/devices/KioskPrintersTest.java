package okno.server.devices;

import com.fasterxml.jackson.databind.JsonNode;
import okno.config.PriorityClass;
import okno.drivers.testing.EscPosPrinterSimulator;
import okno.engine.api.Command;
import okno.engine.api.CommandType;
import okno.engine.api.TicketNumber;
import okno.server.BinaryTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two kiosks at one centre, each with its own printer on its own pty: a slip comes out of the printer of the kiosk
 * that took the ticket (HTTP, appointment check-in, binary protocol) or asks for a reprint, a retry prints
 * nothing, and while a kiosk's printer is offline its slips come out of the other one. Each printer's slips are
 * checked in order, so a slip on the wrong printer shows up as the wrong number on one of them.
 */
class KioskPrintersTest
{
    private static final long WAIT_MS = 5_000;

    @Test
    void eachKioskPrintsOnItsOwnPrinterAndOnTheOtherWhileItsOwnIsOffline(@TempDir final Path dir) throws Exception
    {
        try (DeviceRig rig = new DeviceRig(dir, true))
        {
            rig.awaitState(null, "ONLINE", WAIT_MS);
            takeTicketsAtBothKiosks(rig);
        }
    }

    /** Every step names the printer its slip must come out of, in order. */
    private static void takeTicketsAtBothKiosks(final DeviceRig rig) throws Exception
    {
        assertEquals("A001", take(rig, DeviceRig.KIOSK, "r-1", 201));
        assertSlip(rig.printer, "A001");
        assertEquals("A002", take(rig, DeviceRig.KIOSK_2, "r-2", 201));
        assertSlip(rig.printer2, "A002");

        assertEquals("A001", take(rig, DeviceRig.KIOSK, "r-1", 200), "a retry answers with the same ticket");
        assertEquals("A003", take(rig, DeviceRig.KIOSK, "r-3", 201));
        assertSlip(rig.printer, "A003");

        assertEquals("A004", checkIn(rig, DeviceRig.KIOSK_2));
        assertSlip(rig.printer2, "A004");

        try (BinaryTestClient client = new BinaryTestClient(rig.server.tcpPort()))
        {
            client.hello(DeviceRig.KIOSK_2);
            final Command issue = new Command().clear();
            issue.type = CommandType.ISSUE_TICKET;
            issue.centre = 0;
            issue.priority = PriorityClass.NORMAL.code();
            issue.addService(0);
            final BinaryTestClient.Message answer = client.call(1, issue);
            assertEquals(0, answer.resultCode());
            assertEquals("A005", TicketNumber.format(answer.ticket()));
        }
        assertSlip(rig.printer2, "A005");

        rig.printer.mute = true;
        rig.awaitState("printer-north", "OFFLINE", WAIT_MS);
        assertEquals("A006", take(rig, DeviceRig.KIOSK, "r-6", 201));
        assertSlip(rig.printer2, "A006");

        rig.printer.mute = false;
        rig.awaitState("printer-north", "ONLINE", WAIT_MS);
        assertEquals("A007", take(rig, DeviceRig.KIOSK, "r-7", 201));
        assertSlip(rig.printer, "A007");
        assertEquals("A008", take(rig, DeviceRig.KIOSK_2, "r-8", 201));
        assertSlip(rig.printer2, "A008");

        final DeviceRig.Reply reprint = rig.post("/api/centres/north/tickets/A002/reprint", DeviceRig.KIOSK, "");
        assertEquals(200, reprint.status(), String.valueOf(reprint.body()));
        assertSlip(rig.printer, "A002");
    }

    /** Takes a passport ticket at a kiosk; @return its number. */
    private static String take(final DeviceRig rig, final String kiosk, final String requestId, final int status)
        throws Exception
    {
        final DeviceRig.Reply reply = rig.post("/api/centres/north/tickets", kiosk,
            "{\"services\":[\"passport\"],\"requestId\":\"" + requestId + "\"}");
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        return reply.body().get("number").asText();
    }

    /** Books the first free passport slot of the day and checks in at a kiosk; @return the ticket number. */
    private static String checkIn(final DeviceRig rig, final String kiosk) throws Exception
    {
        final JsonNode slots = rig.get("/api/centres/north/appointments/slots?service=passport&date=2025-03-05",
            kiosk).body().get("slots");
        final DeviceRig.Reply booked = rig.post("/api/centres/north/appointments", kiosk,
            "{\"service\":\"passport\",\"slot\":\"" + slots.get(0).get("slot").asText() + "\",\"requestId\":\"b-1\"}");
        assertEquals(201, booked.status(), String.valueOf(booked.body()));
        final DeviceRig.Reply ticket = rig.post("/api/centres/north/appointments/"
            + booked.body().get("code").asText() + "/check-in", kiosk, "");
        assertEquals(201, ticket.status(), String.valueOf(ticket.body()));
        return ticket.body().get("number").asText();
    }

    /** The next slip of that printer is the ticket's. */
    private static void assertSlip(final EscPosPrinterSimulator printer, final String number)
        throws InterruptedException
    {
        final EscPosPrinterSimulator.Slip slip = printer.nextSlip(WAIT_MS);
        assertNotNull(slip, "no slip for " + number);
        assertTrue(slip.qrPayload().endsWith("&number=" + number), slip.qrPayload());
    }
}

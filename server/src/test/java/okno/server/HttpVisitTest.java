package okno.server;

import com.fasterxml.jackson.databind.JsonNode;
import okno.server.TestNode.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static okno.server.TestNode.DISPLAY;
import static okno.server.TestNode.KIOSK;
import static okno.server.TestNode.OPERATOR;
import static okno.server.TestNode.TERMINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole visits through the HTTP API of a real node: kiosk, terminal, display and operator. */
class HttpVisitTest
{
    private static final String CENTRE = "/api/centres/tverskoy";
    private static final String WINDOW_1 = CENTRE + "/windows/1";

    @RegisterExtension
    final NodeExtension nodes = new NodeExtension();

    private TestNode node;

    @BeforeEach
    void node()
    {
        node = nodes.node();
    }

    private Reply take(final String service, final String requestId)
    {
        return node.post(CENTRE + "/tickets", KIOSK,
            "{\"services\":[\"" + service + "\"],\"priority\":\"normal\",\"requestId\":\"" + requestId + "\"}");
    }

    private Reply window(final String window, final String action, final String body)
    {
        return node.post(CENTRE + "/windows/" + window + "/" + action, TERMINAL, body);
    }

    private static void expect(final int status, final Reply reply)
    {
        assertEquals(status, reply.status(), reply::toString);
    }

    @Test
    void aWholeVisitFromKioskToRating()
    {
        final Reply issued = take("passport", "visit-1");
        expect(201, issued);
        final JsonNode ticket = issued.json();
        assertEquals("A001", ticket.get("number").asText());
        assertEquals("tverskoy", ticket.get("centre").asText());
        assertEquals("WAITING", ticket.get("state").asText());
        assertEquals(1, ticket.get("position").asInt());
        assertEquals("normal", ticket.get("priority").asText());
        assertEquals("passport", ticket.get("services").get(0).asText());
        assertTrue(ticket.get("alternatives").isArray());
        assertTrue(ticket.hasNonNull("issuedAt"));
        assertTrue(ticket.get("etaMinutes").isNull(), "no window open yet: the wait is unknown, not 0 min");

        final Reply again = take("passport", "visit-1");
        expect(200, again);
        assertEquals(ticket.get("id"), again.json().get("id"));

        final Reply status = node.get(CENTRE + "/tickets/A001", DISPLAY);
        expect(200, status);
        assertEquals("WAITING", status.text("state"));
        final Reply queue = node.get(CENTRE + "/queue", DISPLAY);
        expect(200, queue);
        assertTrue(queue.body().contains("\"number\":\"A001\""), queue.body());
        final Reply centre = node.get(CENTRE, DISPLAY);
        expect(200, centre);
        assertEquals(1, centre.json().get("waiting").asInt());
        assertEquals(0, centre.json().get("openWindows").asInt());

        final Reply opened = window("1", "open", "{\"staffId\":\"s001\"}");
        expect(200, opened);
        assertEquals("OPEN", opened.text("state"));
        assertEquals("s001", opened.text("staff"));
        assertEquals(0, node.get(CENTRE + "/tickets/A001", DISPLAY).json().get("etaMinutes").asInt(),
            "first in line and a free window serving it");

        final Reply called = window("1", "call-next", null);
        expect(200, called);
        assertEquals("A001", called.json().get("ticket").get("number").asText());
        assertEquals("CALLED", called.json().get("ticket").get("state").asText());
        assertEquals("1", called.json().get("ticket").get("window").asText());
        expect(409, window("1", "call-next", null));

        final Reply windowStatus = node.get(WINDOW_1, DISPLAY);
        expect(200, windowStatus);
        assertEquals("A001", windowStatus.text("currentTicket"));
        assertEquals("CALLED", windowStatus.text("currentState"));

        final Reply started = window("1", "start", null);
        expect(200, started);
        assertEquals("SERVING", started.json().get("ticket").get("state").asText());
        expect(200, window("1", "rating", "{\"score\":5}"));
        final Reply completed = window("1", "complete", null);
        expect(200, completed);
        assertEquals("DONE", completed.json().get("ticket").get("state").asText());
        assertEquals(5, completed.json().get("ticket").get("rating").asInt());
        expect(204, window("1", "call-next", null));

        final Reply done = node.get(CENTRE + "/tickets/A001", DISPLAY);
        assertEquals("DONE", done.text("state"));
        assertEquals(1, done.json().get("callCount").asInt());

        final JsonNode kpi = node.get("/api/network/kpi", OPERATOR).json();
        assertEquals(1, kpi.get("network").get("visitors").asInt());
        assertEquals(1, kpi.get("network").get("served").asInt());
        assertEquals(5.0, kpi.get("network").get("ratingMean").asDouble());
        final JsonNode load = node.get("/api/network/load", OPERATOR).json().get("centres");
        assertEquals(4, load.size());
        assertEquals("tverskoy", load.get(0).get("centre").asText());
        assertEquals(1, load.get(0).get("openWindows").asInt());
        assertEquals(0, load.get(0).get("waiting").asInt());
    }

    @Test
    void theSlipsQrPageReadsTheTicketWithoutATokenAndShowsNothingPrivate()
    {
        expect(201, take("passport", "qr-1"));
        expect(201, take("passport", "qr-2"));

        final Reply waiting = node.get(CENTRE + "/tickets/A002/public", null);
        expect(200, waiting);
        assertEquals("A002", waiting.text("number"));
        assertEquals("WAITING", waiting.text("state"));
        assertEquals(2, waiting.json().get("position").asInt());
        assertTrue(waiting.json().get("centreName").asText().length() > 0, waiting.body());
        for (final String hidden : new String[] {"services", "priority", "rating", "id"})
        {
            assertTrue(!waiting.json().has(hidden), hidden + " is not public: " + waiting.body());
        }
        TestNode.refused(404, "unknown_ticket", node.get(CENTRE + "/tickets/A099/public", null));
        TestNode.refused(400, "bad_ticket_number", node.get(CENTRE + "/tickets/zzz/public", null));
        TestNode.refused(404, "unknown_centre", node.get("/api/centres/atlantis/tickets/A001/public", null));
        TestNode.refused(401, "token_required", node.get(CENTRE + "/tickets/A002", null));

        expect(200, window("1", "open", "{\"staffId\":\"s001\"}"));
        expect(200, window("1", "call-next", null));
        final Reply called = node.get(CENTRE + "/tickets/A001/public", null);
        assertEquals("CALLED", called.text("state"));
        assertEquals("1", called.text("window"));
    }

    @Test
    void aRetriedTicketIsTheSameAfterARestartAndNumbersContinue() throws Exception
    {
        expect(201, take("passport", "r-1"));
        expect(201, take("snils", "r-2"));
        expect(201, take("passport", "r-3"));

        node.restart();

        final Reply retried = take("passport", "r-3");
        expect(200, retried);
        assertEquals("A002", retried.text("number"));
        assertEquals("WAITING", node.get(CENTRE + "/tickets/C001", DISPLAY).text("state"));
        final Reply next = take("passport", "r-4");
        expect(201, next);
        assertEquals("A003", next.text("number"));
        assertEquals(3, next.json().get("position").asInt());
        assertEquals(4, node.get(CENTRE, DISPLAY).json().get("waiting").asInt());
    }

    @Test
    void appointmentBookRetryCancelAndCheckIn()
    {
        final Reply slots = node.get(CENTRE + "/appointments/slots?service=passport&date=2026-11-23", null);
        expect(200, slots);
        final JsonNode list = slots.json().get("slots");
        assertTrue(list.size() > 0, slots.body());
        String slot = null;
        for (final JsonNode s : list)
        {
            if (s.get("slot").asText().startsWith("2026-11-23T10:30"))
            {
                slot = s.get("slot").asText();
                assertTrue(s.get("free").asInt() > 0);
            }
        }
        assertTrue(slot != null, slots.body());

        final String booking = "{\"service\":\"passport\",\"slot\":\"" + slot + "\",\"requestId\":\"b-1\"}";
        final Reply booked = node.post(CENTRE + "/appointments", null, booking);
        expect(201, booked);
        final String code = booked.text("code");
        final Reply rebooked = node.post(CENTRE + "/appointments", null, booking);
        expect(200, rebooked);
        assertEquals(code, rebooked.text("code"));
        assertEquals("ACTIVE", node.get(CENTRE + "/appointments/" + code, null).text("state"));

        expect(204, node.delete(CENTRE + "/appointments/" + code, null));
        assertEquals("CANCELLED", node.get(CENTRE + "/appointments/" + code, null).text("state"));
        expect(409, node.post(CENTRE + "/appointments/" + code + "/check-in", KIOSK, null));

        final Reply second = node.post(CENTRE + "/appointments", null,
            "{\"service\":\"passport\",\"slot\":\"2026-11-23T10:30\",\"requestId\":\"b-2\"}");
        expect(201, second);
        final Reply checkedIn = node.post(CENTRE + "/appointments/" + second.text("code") + "/check-in", KIOSK, null);
        expect(201, checkedIn);
        assertEquals("appointment", checkedIn.text("priority"));
        assertEquals("WAITING", checkedIn.text("state"));
        expect(409, node.post(CENTRE + "/appointments/" + second.text("code") + "/check-in", KIOSK, null));

        final Reply third = node.post(CENTRE + "/appointments", null,
            "{\"service\":\"passport\",\"slot\":\"2026-11-23T10:45\",\"requestId\":\"b-3\"}");
        expect(201, third);
        final String checkIn = CENTRE + "/appointments/" + third.text("code") + "/check-in";
        final Reply first = node.post(checkIn, KIOSK, "{\"requestId\":\"c-3\"}");
        expect(201, first);
        final Reply retried = node.post(checkIn, KIOSK, "{\"requestId\":\"c-3\"}");
        expect(200, retried);
        assertEquals(first.text("number"), retried.text("number"), "a retried check-in returns the same ticket");
        expect(400, node.post(checkIn, KIOSK, "{\"requestid\":\"c-3\"}"));
    }

    @Test
    void transferPostponeAndNoShow()
    {
        expect(201, take("passport", "t-1"));
        expect(201, take("passport", "t-2"));
        expect(201, take("passport", "t-3"));
        expect(200, window("1", "open", "{\"staffId\":\"s001\"}"));
        expect(200, window("5", "open", "{\"staffId\":\"s004\"}"));

        // A001: transferred to SNILS, keeps its ticket, is called at window 5.
        expect(200, window("1", "call-next", null));
        final Reply transferred = window("1", "transfer", "{\"service\":\"snils\"}");
        expect(200, transferred);
        final JsonNode moved = node.get(CENTRE + "/tickets/A001", DISPLAY).json();
        assertEquals("WAITING", moved.get("state").asText());
        assertEquals("snils", moved.get("currentService").asText());
        final Reply atFive = window("5", "call-next", null);
        expect(200, atFive);
        assertEquals("A001", atFive.json().get("ticket").get("number").asText());

        // A002: postponed, then called back by number.
        final Reply second = window("1", "call-next", null);
        assertEquals("A002", second.json().get("ticket").get("number").asText());
        expect(200, window("1", "postpone", null));
        assertEquals("POSTPONED", node.get(CENTRE + "/tickets/A002", DISPLAY).text("state"));
        final Reply back = window("1", "call/A002", null);
        expect(200, back);
        assertEquals("CALLED", back.json().get("ticket").get("state").asText());
        expect(200, window("1", "start", null));
        expect(200, window("1", "complete", null));

        // A003: a no-show only after the third call.
        expect(200, window("1", "call-next", null));
        final Reply early = window("1", "no-show", null);
        expect(409, early);
        assertEquals("no_show_too_early", early.text("error"));
        expect(200, window("1", "recall", null));
        final Reply recalled = window("1", "recall", null);
        assertEquals(3, recalled.json().get("ticket").get("callCount").asInt());
        expect(200, window("1", "no-show", null));
        assertEquals("NO_SHOW", node.get(CENTRE + "/tickets/A003", DISPLAY).text("state"));
        expect(204, window("1", "call-next", null));
    }

    @Test
    void operatorMovesStandbyStaffWhoArrivesLater() throws Exception
    {
        final Reply assigned = node.post("/api/network/staff/s038/assign", OPERATOR, "{\"centre\":\"vdnh\"}");
        expect(200, assigned);
        assertEquals("TRAVELLING", assigned.text("state"));
        assertEquals("vdnh", assigned.text("travellingTo"));
        expect(409, node.post("/api/network/staff/s038/assign", OPERATOR, "{\"centre\":\"maryino\"}"));

        expect(409, node.post("/api/centres/vdnh/windows/1/open", OPERATOR, "{\"staffId\":\"s038\"}"));

        node.advanceMinutes(120);
        final Reply opened = node.post("/api/centres/vdnh/windows/1/open", OPERATOR, "{\"staffId\":\"s038\"}");
        expect(200, opened);
        assertEquals("s038", opened.text("staff"));
        final Reply staff = node.get("/api/network/staff", OPERATOR);
        assertTrue(staff.body().contains("\"id\":\"s038\""), staff.body());
        for (final JsonNode s : staff.json().get("staff"))
        {
            if (s.get("id").asText().equals("s038"))
            {
                assertEquals("vdnh", s.get("centre").asText());
                assertEquals("AT_WINDOW", s.get("state").asText());
                assertEquals("[\"passport\",\"foreign-passport\",\"registration\",\"snils\",\"pension\",\"inn\","
                    + "\"consult\"]", s.get("skills").toString(), "what the standby member serves at any window");
            }
        }
    }

    @Test
    void aWindowServesWhatItsStaffMemberIsTrainedForToo()
    {
        expect(201, take("snils", "trained-1"));
        // window 1 is a passport desk; s008 is trained for consult, parking, inn, passport and snils
        final Reply opened = window("1", "open", "{\"staffId\":\"s008\"}");
        expect(200, opened);
        final List<String> services = new ArrayList<>();
        opened.json().get("services").forEach(s -> services.add(s.asText()));
        assertEquals(List.of("passport", "foreign-passport", "registration", "consult", "snils", "inn", "parking"),
            services, "the desk's services first, then the member's");
        final Reply called = window("1", "call-next", null);
        expect(200, called);
        assertEquals("snils", called.json().get("ticket").get("currentService").asText());
        expect(200, window("1", "start", null));
        expect(200, window("1", "complete", null));
        expect(200, window("1", "close", null));

        expect(201, take("snils", "trained-2"));
        final Reply desk = window("1", "open", "{\"staffId\":\"s003\"}");
        assertEquals(3 + 1, desk.json().get("services").size(), "s003 brings nothing beyond the desk");
        expect(204, window("1", "call-next", null));
    }

    @Test
    void nothingToCallIs204()
    {
        expect(200, window("2", "open", "{\"staffId\":\"s002\"}"));
        final Reply none = window("2", "call-next", null);
        expect(204, none);
        assertEquals("", none.body());
    }
}

package okno.server;

import okno.server.TestNode.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static okno.server.TestNode.DISPLAY;
import static okno.server.TestNode.KIOSK;
import static okno.server.TestNode.OPERATOR;
import static okno.server.TestNode.TERMINAL;
import static okno.server.TestNode.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every class of refusal of the HTTP API answers with its status and a {@code {"error","message"}} body. */
class HttpErrorsTest
{
    private static final String TICKETS = "/api/centres/tverskoy/tickets";

    @RegisterExtension
    static final NodeExtension NODE = new NodeExtension();

    private static TestNode node;

    @BeforeAll
    static void node()
    {
        node = NODE.node();
    }

    private static Reply take(final String token, final String body)
    {
        return node.post(TICKETS, token, body);
    }

    @Test
    void badBodiesAre400()
    {
        refused(400, "malformed_json", take(KIOSK, "{\"services\": [\"passport\""));
        refused(400, "missing_body", take(KIOSK, null));
        refused(400, "bad_field", take(KIOSK, "{\"services\": \"passport\"}"));
        refused(400, "bad_field", take(KIOSK, "{\"services\": [\"passport\"], \"requestId\": 17}"));
        refused(400, "bad_field", take(KIOSK, "[\"passport\"]"));
        refused(400, "unknown_field", take(KIOSK, "{\"services\": [\"passport\"], \"vip\": true}"));
        refused(400, "bad_priority", take(KIOSK, "{\"services\": [\"passport\"], \"priority\": \"vip\"}"));
        refused(400, "bad_priority", take(KIOSK, "{\"services\": [\"passport\"], \"priority\": \"appointment\"}"));
        refused(400, "missing_field", take(KIOSK, "{\"services\": []}"));
        refused(400, "duplicate_service", take(KIOSK, "{\"services\": [\"inn\", \"inn\"]}"));
        refused(400, "too_many_services", take(KIOSK,
            "{\"services\": [\"inn\", \"snils\", \"consult\", \"passport\", \"pension\", \"birth\"]}"));
        refused(400, "bad_request_id", take(KIOSK, "{\"services\": [\"inn\"], \"requestId\": \"\"}"));
        refused(400, "bad_score", node.post("/api/centres/tverskoy/windows/3/rating", TERMINAL, "{\"score\": 6}"));
        refused(400, "bad_field", node.post("/api/centres/tverskoy/windows/3/rating", TERMINAL, "{\"score\": 4.5}"));
        refused(400, "bad_transfer", node.post("/api/centres/tverskoy/windows/3/transfer", TERMINAL,
            "{\"service\": \"inn\", \"window\": \"4\"}"));
        refused(400, "bad_ticket_number", node.get("/api/centres/tverskoy/tickets/42", DISPLAY));
        refused(400, "bad_date", node.get("/api/centres/tverskoy/appointments/slots?service=passport&date=monday",
            null));
        refused(400, "missing_parameter", node.get("/api/centres/tverskoy/appointments/slots?service=passport", null));
    }

    @Test
    void pathSegmentsAreDecodedOnce()
    {
        assertEquals(200, node.get("/api/centres/tver%73koy", DISPLAY).status());
        refused(404, "unknown_centre", node.get("/api/centres/tver%2Fskoy", DISPLAY));
        refused(404, "unknown_centre", node.get("/api/centres/tver%252Fskoy", DISPLAY));
    }

    @Test
    void hugeBodyIs413AndTheServerKeepsServing() throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", node.server().httpPort()))
        {
            final OutputStream out = socket.getOutputStream();
            out.write(("POST " + TICKETS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + KIOSK
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final String response = readAll(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            final String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertEquals("body_too_large", TestNode.parse(body).get("error").asText());
        }
        assertEquals(200, node.get("/api/health", null).status());
    }

    @Test
    void unparseableRequestLineIs400() throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", node.server().httpPort()))
        {
            socket.getOutputStream().write(("GET /" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: h\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            final String response = readAll(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("\"error\":\"malformed_request\""), response);
        }
    }

    private static String readAll(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405()
    {
        refused(404, "unknown_path", node.get("/api/nothing", OPERATOR));
        refused(404, "unknown_path", node.get("/api/centres/tverskoy/windows/1/explode", OPERATOR));
        final Reply put = node.method("PUT", TICKETS, KIOSK);
        refused(405, "method_not_allowed", put);
        assertTrue(put.json().get("message").asText().contains("POST"), put.body());
        refused(405, "method_not_allowed", node.get("/api/centres/tverskoy/windows/1/call-next", TERMINAL));
    }

    @Test
    void tokensAre401AndRolesOrCentres403()
    {
        final String body = "{\"services\": [\"passport\"]}";
        refused(401, "token_required", take(null, body));
        refused(401, "unknown_token", take("forged", body));
        refused(401, "bad_authorization", node.send(java.net.http.HttpRequest.newBuilder(node.uri("/api/centres"))
            .header("Authorization", "Basic a2lvc2s6")));
        refused(403, "wrong_role", take(DISPLAY, body));
        refused(403, "wrong_role", take(TERMINAL, body));
        refused(403, "wrong_role", node.get("/api/centres", KIOSK));
        refused(403, "wrong_role", node.get("/api/network/load", DISPLAY));
        refused(403, "wrong_role", node.post("/api/network/staff/s038/assign", TERMINAL, "{\"centre\":\"vdnh\"}"));
        refused(403, "wrong_centre", node.post("/api/centres/vdnh/tickets", KIOSK, body));
        refused(403, "wrong_centre", node.post("/api/centres/vdnh/windows/1/call-next", TERMINAL, null));
        refused(401, "token_required", node.get("/api/network/kpi", null));
    }

    @Test
    void unknownThingsAre404()
    {
        final String body = "{\"services\": [\"passport\"]}";
        refused(404, "unknown_centre", node.post("/api/centres/atlantis/tickets", OPERATOR, body));
        refused(404, "unknown_centre", node.get("/api/centres/atlantis", DISPLAY));
        refused(404, "unknown_window", node.post("/api/centres/tverskoy/windows/99/call-next", TERMINAL, null));
        refused(404, "unknown_service", take(KIOSK, "{\"services\": [\"teleport\"]}"));
        refused(404, "unknown_ticket", node.get("/api/centres/tverskoy/tickets/Z999", DISPLAY));
        refused(404, "unknown_staff", node.post("/api/centres/tverskoy/windows/1/open", TERMINAL,
            "{\"staffId\":\"s999\"}"));
        refused(404, "unknown_staff", node.post("/api/network/staff/s999/assign", OPERATOR, "{\"centre\":\"vdnh\"}"));
        refused(404, "unknown_appointment", node.get("/api/centres/tverskoy/appointments/123456", OPERATOR));
        refused(404, "unknown_appointment", node.post("/api/centres/tverskoy/appointments/123456/check-in", KIOSK,
            null));
    }

    @Test
    void invalidTransitionsAre409()
    {
        refused(409, "window_closed", node.post("/api/centres/khamovniki/windows/2/call-next", OPERATOR, null));
        refused(409, "no_current_ticket", node.post("/api/centres/khamovniki/windows/2/start", OPERATOR, null));
        assertEquals(200, node.post("/api/centres/khamovniki/windows/2/open", OPERATOR, "{\"staffId\":\"s023\"}")
            .status());
        refused(409, "window_already_open", node.post("/api/centres/khamovniki/windows/2/open", OPERATOR,
            "{\"staffId\":\"s023\"}"));
        refused(409, "no_current_ticket", node.post("/api/centres/khamovniki/windows/2/complete", OPERATOR, null));
        refused(409, "staff_not_here", node.post("/api/centres/khamovniki/windows/3/open", OPERATOR,
            "{\"staffId\":\"s001\"}"));
        refused(409, "no_current_ticket", node.post("/api/centres/khamovniki/windows/2/transfer", OPERATOR,
            "{\"window\":\"1\"}"));
    }

    @Test
    void tooManyRequestsAre429()
    {
        int limited = 0;
        Reply last = null;
        for (int i = 0; i < 40; i++)
        {
            final Reply reply = node.post("/api/centres/maryino/tickets", "kiosk-maryino",
                "{\"services\": [\"consult\"]}");
            if (reply.status() == 429)
            {
                limited++;
                last = reply;
            }
            else
            {
                assertEquals(201, reply.status(), reply::toString);
            }
        }
        assertTrue(limited >= 10, "limited " + limited);
        refused(429, "rate_limited", last);

        int publicLimited = 0;
        for (int i = 0; i < 20; i++)
        {
            final Reply reply = node.get("/api/centres/maryino/appointments/1", "kiosk-vdnh");
            publicLimited += reply.status() == 429 ? 1 : 0;
            last = reply.status() == 429 ? reply : last;
        }
        assertTrue(publicLimited >= 5, "limited " + publicLimited);
        refused(429, "rate_limited", last);
    }
}

package okno.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static okno.server.TestNode.DISPLAY;
import static okno.server.TestNode.KIOSK;
import static okno.server.TestNode.OPERATOR;
import static okno.server.TestNode.TERMINAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** WebSocket event streams: snapshot first, then live events exactly once; tokens checked at the handshake. */
class EventStreamTest
{
    @RegisterExtension
    final NodeExtension nodes = new NodeExtension();

    private TestNode node;

    @BeforeEach
    void node()
    {
        node = nodes.node();
    }

    /** Collects text messages of one socket. */
    private static final class Messages implements WebSocket.Listener
    {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket socket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                received.add(TestNode.parse(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException
        {
            final JsonNode message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "no message within 10 s");
            return message;
        }
    }

    private WebSocket connect(final String path, final String token, final Messages messages)
    {
        final WebSocket.Builder builder = node.client().newWebSocketBuilder();
        if (token != null)
        {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(node.wsUri(path), messages).join();
    }

    private void take(final String requestId)
    {
        take(KIOSK, requestId);
    }

    private void take(final String token, final String requestId)
    {
        assertEquals(201, node.post("/api/centres/tverskoy/tickets", token,
            "{\"services\":[\"passport\"],\"requestId\":\"" + requestId + "\"}").status());
    }

    @Test
    void centreStreamSendsTheSnapshotThenEachEventOnce() throws Exception
    {
        take("before");
        final Messages messages = new Messages();
        final WebSocket socket = connect("/ws/centres/tverskoy/events", DISPLAY, messages);

        final JsonNode snapshot = messages.next();
        assertEquals("Snapshot", snapshot.get("type").asText());
        assertEquals(1, snapshot.get("waiting").asInt());
        assertEquals(10, snapshot.get("windows").size());

        take("after");
        final JsonNode issued = messages.next();
        assertEquals("TicketIssued", issued.get("type").asText());
        assertEquals("A002", issued.get("ticket").asText());
        assertEquals("tverskoy", issued.get("centre").asText());

        assertEquals(200, node.post("/api/centres/tverskoy/windows/1/open", TERMINAL, "{\"staffId\":\"s001\"}")
            .status());
        assertEquals("WindowOpened", messages.next().get("type").asText());
        assertEquals(200, node.post("/api/centres/tverskoy/windows/1/call-next", TERMINAL, null).status());
        final JsonNode called = messages.next();
        assertEquals("TicketCalled", called.get("type").asText());
        assertEquals("A001", called.get("ticket").asText());
        assertEquals("1", called.get("window").asText());

        // Other centres' events do not reach this stream.
        assertEquals(201, node.post("/api/centres/vdnh/tickets", "kiosk-vdnh", "{\"services\":[\"inn\"]}").status());
        assertEquals(200, node.post("/api/centres/tverskoy/windows/1/recall", TERMINAL, null).status());
        assertEquals("TicketRecalled", messages.next().get("type").asText());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void subscribersJoiningDuringTrafficMissNothingAndSeeNothingTwice() throws Exception
    {
        // Two tokens, each within its burst of the kiosk rate limit.
        final int tickets = 36;
        final Thread kiosk = new Thread(() ->
        {
            for (int i = 0; i < tickets; i++)
            {
                take(i % 2 == 0 ? KIOSK : OPERATOR, "burst-" + i);
            }
        });
        kiosk.start();
        final Messages messages = new Messages();
        connect("/ws/centres/tverskoy/events", DISPLAY, messages);
        kiosk.join();

        final JsonNode snapshot = messages.next();
        final int inSnapshot = snapshot.get("waiting").asInt();
        // Mark the end of the stream with one known event.
        assertEquals(200, node.post("/api/centres/tverskoy/windows/1/open", TERMINAL, "{\"staffId\":\"s001\"}")
            .status());
        int live = 0;
        while (true)
        {
            final JsonNode event = messages.next();
            if (event.get("type").asText().equals("WindowOpened"))
            {
                break;
            }
            assertEquals("TicketIssued", event.get("type").asText());
            assertEquals(inSnapshot + live + 1, Integer.parseInt(event.get("ticket").asText().substring(1)));
            live++;
        }
        assertEquals(tickets, inSnapshot + live);
    }

    @Test
    void networkStreamNeedsAnOperatorToken() throws Exception
    {
        final Messages messages = new Messages();
        connect("/ws/network/events?access_token=" + OPERATOR, null, messages);
        final JsonNode snapshot = messages.next();
        assertEquals("Snapshot", snapshot.get("type").asText());
        assertEquals(4, snapshot.get("centres").size());
        assertEquals(201, node.post("/api/centres/vdnh/tickets", "kiosk-vdnh", "{\"services\":[\"inn\"]}").status());
        JsonNode issued = messages.next();
        while (issued.get("type").asText().equals("DayStarted"))
        {
            issued = messages.next();
        }
        assertEquals("TicketIssued", issued.get("type").asText());
        assertEquals("vdnh", issued.get("centre").asText());

        assertRefused(401, "/ws/network/events", null);
        assertRefused(403, "/ws/network/events", DISPLAY);
        assertRefused(401, "/ws/centres/tverskoy/events", "forged");
        assertRefused(403, "/ws/centres/vdnh/events", TERMINAL);
        assertRefused(404, "/ws/centres/atlantis/events", OPERATOR);
    }

    private void assertRefused(final int status, final String path, final String token)
    {
        final CompletionException failure = assertThrows(CompletionException.class,
            () -> connect(path, token, new Messages()));
        final WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
            failure.getCause());
        assertEquals(status, handshake.getResponse().statusCode(), path);
    }

}

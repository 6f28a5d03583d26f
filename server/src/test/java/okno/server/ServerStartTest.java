package okno.server;

import okno.config.Networks;
import okno.server.TestNode.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A start that fails half-way (a port in use) names the address, stops what it started and loses nothing. */
final class ServerStartTest
{
    private static final String CENTRE = "/api/centres/tverskoy";

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static int freePort() throws IOException
    {
        try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK))
        {
            return probe.getLocalPort();
        }
    }

    @Test
    void aBusyPortFailsTheStartCleanlyAndTheDataSurvives(@TempDir final Path data) throws Exception
    {
        try (TestNode node = TestNode.start(data))
        {
            final Reply issued = node.post(CENTRE + "/tickets", TestNode.KIOSK,
                "{\"services\":[\"passport\"],\"priority\":\"normal\",\"requestId\":\"before-busy-port\"}");
            assertEquals(201, issued.status(), issued::toString);
        }

        final int httpPort = freePort();
        try (ServerSocket busy = new ServerSocket(0, 50, LOOPBACK))
        {
            final int tcpPort = busy.getLocalPort();
            final IOException failure = assertThrows(IOException.class, () -> OknoServer.start(
                new OknoServer.Settings(Networks.demo(), data, "127.0.0.1", httpPort, tcpPort, () -> TestNode.OPEN_MS)));
            assertTrue(failure.getMessage().contains("127.0.0.1:" + tcpPort), failure.getMessage());
        }
        try (ServerSocket released = new ServerSocket(httpPort, 50, LOOPBACK))
        {
            assertEquals(httpPort, released.getLocalPort(), "the HTTP port bound before the failure is released");
        }

        try (TestNode node = TestNode.start(data))
        {
            final Reply status = node.get(CENTRE + "/tickets/A001", TestNode.DISPLAY);
            assertEquals(200, status.status(), status::toString);
            assertEquals("WAITING", status.text("state"));
            final Reply next = node.post(CENTRE + "/tickets", TestNode.KIOSK,
                "{\"services\":[\"passport\"],\"priority\":\"normal\",\"requestId\":\"after-busy-port\"}");
            assertEquals("A002", next.json().get("number").asText(), "no number is issued twice");
        }
    }
}

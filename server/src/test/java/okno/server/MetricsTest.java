package okno.server;

import okno.server.TestNode.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} is open and speaks the Prometheus text format with the documented metrics. */
class MetricsTest
{
    @TempDir
    Path dataDir;

    @Test
    void metricsCountCommandsEventsRejectsAndGauges() throws Exception
    {
        try (TestNode node = TestNode.start(dataDir); BinaryTestClient binary =
            new BinaryTestClient(node.server().tcpPort()))
        {
            binary.hello(TestNode.KIOSK);
            assertEquals(201, node.post("/api/centres/tverskoy/tickets", TestNode.KIOSK,
                "{\"services\":[\"passport\"]}").status());
            assertEquals(409, node.post("/api/centres/tverskoy/windows/1/call-next", TestNode.TERMINAL, null)
                .status());

            final Reply metrics = node.get("/metrics", null);
            assertEquals(200, metrics.status());
            assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
            final List<String> lines = metrics.body().lines().toList();
            for (final String expected : List.of(
                "okno_commands_total{type=\"ISSUE_TICKET\"} 1.0",
                "okno_commands_total{type=\"CALL_NEXT\"} 1.0",
                "okno_events_total{type=\"TicketIssued\"} 1.0",
                "okno_rejects_total{reason=\"WINDOW_CLOSED\"} 1.0",
                "okno_waiting_tickets{centre=\"tverskoy\"} 1.0",
                "okno_waiting_tickets{centre=\"vdnh\"} 0.0",
                "okno_open_windows{centre=\"tverskoy\"} 0.0"))
            {
                assertTrue(lines.contains(expected), expected + " in\n" + metrics.body());
            }
            assertTrue(metrics.body().contains("# TYPE okno_commands_total counter"), metrics.body());
            // The scrape itself (and the idle ticker) may still hold a slot or two.
            final double free = gauge(lines, "okno_ring_remaining_slots");
            assertTrue(free > 4000 && free <= 4096, "free ring slots " + free);
            final double lag = gauge(lines, "okno_journal_lag_commands");
            assertTrue(lag >= 0 && lag < 10, "journal lag " + lag);
            final double connections = gauge(lines, "okno_connections");
            assertTrue(connections >= 2, "HTTP client and binary client: " + connections);
        }
    }

    private static double gauge(final List<String> lines, final String name)
    {
        return lines.stream().filter(l -> l.startsWith(name + " "))
            .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1))).findFirst().orElse(-1);
    }
}

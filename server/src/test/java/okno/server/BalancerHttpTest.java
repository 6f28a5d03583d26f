package okno.server;

import com.fasterxml.jackson.databind.JsonNode;
import okno.server.TestNode.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;

import static okno.server.TestNode.DISPLAY;
import static okno.server.TestNode.KIOSK;
import static okno.server.TestNode.OPERATOR;
import static okno.server.TestNode.TERMINAL;
import static okno.server.TestNode.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The operator's balancer, KPI and the public load schedule through the HTTP API of a real node. */
class BalancerHttpTest
{
    private static final String PROPOSALS = "/api/network/balancer/proposals";
    private static final String MODE = "/api/network/balancer/mode";
    private static final String TVERSKOY = "/api/centres/tverskoy";

    @RegisterExtension
    final NodeExtension nodes = new NodeExtension();

    private TestNode node;

    @BeforeEach
    void node()
    {
        node = nodes.node();
    }

    @Test
    void anOverloadedCentreGetsProposalsTheOperatorAccepts()
    {
        final JsonNode idle = ok(node.get(PROPOSALS, OPERATOR));
        assertEquals("manual", idle.get("mode").asText());
        assertEquals(0, idle.get("proposals").size(), "nothing to balance yet");

        overloadTverskoy();
        final JsonNode proposals = awaitProposals().get("proposals");
        final JsonNode first = proposals.get(0);
        assertEquals(List.of("id", "staff", "from", "to", "line", "travelMinutes", "savedVisitorMinutes",
            "scoreMinutes"), fields(first));
        assertEquals("passport", first.get("line").asText(), "the passport line is over the mark: " + first);
        for (final JsonNode p : proposals)
        {
            assertEquals("tverskoy", p.get("to").asText(), "only the overloaded centre receives: " + proposals);
            assertTrue(!p.get("from").asText().equals("tverskoy"));
        }
        assertTrue(first.get("travelMinutes").asDouble() > 0, first.toString());
        for (final JsonNode centre : ok(node.get("/api/network/load", OPERATOR)).get("centres"))
        {
            final boolean overloaded = centre.get("centre").asText().equals("tverskoy");
            assertEquals(overloaded ? "rising" : "steady", centre.get("trend").asText(), centre.toString());
            assertTrue(overloaded == centre.get("trendPerHour").asDouble() > 4, centre.toString());
        }
        assertTrue(first.get("savedVisitorMinutes").asDouble() > first.get("scoreMinutes").asDouble(),
            "the score is the saved visitor time minus travel: " + first);

        final String accept = PROPOSALS + "/" + first.get("id").asInt() + "/accept";
        refused(401, "token_required", node.post(accept, null, null));
        refused(403, "wrong_role", node.post(accept, TERMINAL, null));
        refused(404, "unknown_proposal", node.post(PROPOSALS + "/9999/accept", OPERATOR, null));
        refused(404, "unknown_proposal", node.post(PROPOSALS + "/first/accept", OPERATOR, null));

        final JsonNode accepted = ok(node.post(accept, OPERATOR, null));
        assertEquals(first.get("id").asInt(), accepted.get("accepted").asInt());
        refused(404, "unknown_proposal", node.post(accept, OPERATOR, null));
        final JsonNode staff = StreamSupport.stream(ok(node.get("/api/network/staff", OPERATOR)).get("staff")
            .spliterator(), false).filter(s -> s.get("id").asText().equals(first.get("staff").asText()))
            .findFirst().orElseThrow();
        assertEquals("TRAVELLING", staff.get("state").asText(), staff.toString());
        assertEquals("tverskoy", staff.get("travellingTo").asText());

        final JsonNode kpi = ok(node.get("/api/network/kpi", OPERATOR));
        final JsonNode tverskoy = kpi.get("centres").get(0);
        assertEquals("tverskoy", tverskoy.get("id").asText());
        assertEquals(1, tverskoy.get("staffMovesIn").asInt(), tverskoy.toString());
        assertEquals(1, kpi.get("network").get("staffMovesOut").asInt());
    }

    @Test
    void onlyTheOperatorSwitchesModesAndOnlyToKnownOnes()
    {
        refused(401, "token_required", node.get(PROPOSALS, null));
        refused(403, "wrong_role", node.get(PROPOSALS, DISPLAY));
        refused(403, "wrong_role", node.post(MODE, KIOSK, "{\"mode\":\"auto\"}"));
        refused(400, "bad_mode", node.post(MODE, OPERATOR, "{\"mode\":\"sideways\"}"));
        refused(400, "bad_mode", node.post(MODE, OPERATOR, "{}"));
        assertEquals(400, node.post(MODE, OPERATOR, "{\"mode\":").status(), "malformed JSON");
        assertEquals("manual", ok(node.get(PROPOSALS, OPERATOR)).get("mode").asText(), "refusals change nothing");

        assertEquals("auto", ok(node.post(MODE, OPERATOR, "{\"mode\":\"auto\"}")).get("mode").asText());
        assertEquals("auto", ok(node.get(PROPOSALS, OPERATOR)).get("mode").asText());

        // in auto mode the balancer carries its proposals out itself: a standby member sets off for tverskoy
        overloadTverskoy();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ok(node.get("/api/network/kpi", OPERATOR)).get("centres").get(0).get("staffMovesIn").asInt() == 0)
        {
            tickAMinuteLater(deadline);
        }
        assertEquals("manual", ok(node.post(MODE, OPERATOR, "{\"mode\":\"manual\"}")).get("mode").asText());
    }

    @Test
    void theLoadScheduleIsOpenAndLearnsADayAtTheRollover()
    {
        refused(404, "unknown_centre", node.get("/api/centres/nowhere/load-schedule", null));
        final JsonNode empty = ok(node.get(TVERSKOY + "/load-schedule", null));
        assertEquals("tverskoy", empty.get("centre").asText());
        final JsonNode days = empty.get("days");
        assertEquals(7, days.size());
        assertEquals("monday", days.get(0).get("weekday").asText());
        assertEquals("sunday", days.get(6).get("weekday").asText());
        for (final JsonNode day : days)
        {
            assertEquals(List.of("weekday", "daysLearnt", "meanArrivalsByHour"), fields(day));
            assertEquals(0, day.get("daysLearnt").asInt());
            assertEquals(24, day.get("meanArrivalsByHour").size());
        }

        // Monday 10:00: three visitors; the schedule learns Monday once Tuesday starts
        for (int i = 0; i < 3; i++)
        {
            assertEquals(201, take("m-" + i).status());
        }
        node.advanceMinutes(24 * 60);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode monday = days.get(0);
        while (monday.get("daysLearnt").asInt() == 0)
        {
            tickAMinuteLater(deadline);
            monday = ok(node.get(TVERSKOY + "/load-schedule", null)).get("days").get(0);
        }
        assertEquals(1, monday.get("daysLearnt").asInt());
        assertEquals(3.0, monday.get("meanArrivalsByHour").get(10).asDouble(), monday.toString());
        assertEquals(0.0, monday.get("meanArrivalsByHour").get(11).asDouble());
        final JsonNode other = ok(node.get("/api/centres/vdnh/load-schedule", null)).get("days").get(0);
        assertEquals(1, other.get("daysLearnt").asInt(), "every centre lives through the same days");
        assertEquals(0.0, other.get("meanArrivalsByHour").get(10).asDouble());
    }

    @Test
    void theKpiNamesEveryFigureForTheNetworkAndEachCentre()
    {
        refused(403, "wrong_role", node.get("/api/network/kpi", DISPLAY));
        final JsonNode kpi = ok(node.get("/api/network/kpi", OPERATOR));
        final List<String> figures = List.of("id", "visitors", "served", "called", "meanWaitMinutes",
            "p50WaitMinutes", "p95WaitMinutes", "p99WaitMinutes", "maxWaitMinutes", "coffee", "coffeeShare",
            "servicesCompleted", "meanServiceMinutes", "staffedWindowHours", "utilisation", "ratingMean", "ratings",
            "staffMovesIn", "staffMovesOut");
        assertEquals(figures, fields(kpi.get("network")));
        assertEquals("demo", kpi.get("network").get("id").asText());
        assertEquals(Set.of("tverskoy", "vdnh", "khamovniki", "maryino"), Set.copyOf(
            StreamSupport.stream(kpi.get("centres").spliterator(), false).map(c -> c.get("id").asText()).toList()));
        for (final JsonNode centre : kpi.get("centres"))
        {
            assertEquals(figures, fields(centre));
        }
        assertTrue(kpi.get("network").get("ratingMean").isNull(), "no ratings yet");
    }

    /** One window open at tverskoy and twelve passport visitors (10 minutes each): two hours of work. */
    private void overloadTverskoy()
    {
        assertEquals(200, node.post(TVERSKOY + "/windows/1/open", TERMINAL, "{\"staffId\":\"s001\"}").status());
        for (int i = 0; i < 12; i++)
        {
            assertEquals(201, take("o-" + i).status());
        }
    }

    private Reply take(final String requestId)
    {
        return node.post(TVERSKOY + "/tickets", KIOSK,
            "{\"services\":[\"passport\"],\"priority\":\"normal\",\"requestId\":\"" + requestId + "\"}");
    }

    /**
     * Waits for proposals. Engine time moves only with the node's ticker (once a second, at the test clock), and
     * the balancer needs an overload that lasts: so the clock steps a minute at a time while we poll.
     */
    private JsonNode awaitProposals()
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true)
        {
            final JsonNode body = ok(node.get(PROPOSALS, OPERATOR));
            if (body.get("proposals").size() > 0)
            {
                return body;
            }
            tickAMinuteLater(deadline);
        }
    }

    /** Moves the test clock a minute on and gives the node's ticker a moment; fails past the deadline. */
    private void tickAMinuteLater(final long deadline)
    {
        if (System.nanoTime() > deadline)
        {
            fail("the node did not react within 20 s");
        }
        node.advanceMinutes(1);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
    }

    private static JsonNode ok(final Reply reply)
    {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> fields(final JsonNode node)
    {
        return StreamSupport.stream(((Iterable<String>)node::fieldNames).spliterator(), false).toList();
    }
}

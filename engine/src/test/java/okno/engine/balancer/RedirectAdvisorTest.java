package okno.engine.balancer;

import okno.config.Geo;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectAdvisorTest
{
    @Test
    void offersNearbyCentresWithShorterTravelPlusWaitBestFirst()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.generated(6, 4, 6));
        d.atMonday(9, 0);
        for (int c = 0; c < 6; c++)
        {
            for (int w = 0; w < 4; w++)
            {
                d.open("c" + c, "w" + w, "c" + c + "s" + w);
            }
        }
        for (int i = 0; i < 30; i++)
        {
            d.issue("c0", "s2");
        }
        for (int i = 0; i < 3; i++)
        {
            d.issue("c1", "s2");
        }
        final RedirectAdvisor advisor = new RedirectAdvisor(d.config, 600, 3, 10.0);
        final int service = d.index.service("s2");
        final int here = d.state.predictedWaitSeconds(0, service);
        assertTrue(here > 600, "c0 is overloaded: " + here);
        final List<Alternative> alternatives = advisor.alternatives(d.state, 0, service, here);

        assertEquals(3, alternatives.size(), "at most three");
        for (int i = 0; i < alternatives.size(); i++)
        {
            final Alternative a = alternatives.get(i);
            assertEquals(d.state.predictedWaitSeconds(a.centre(), service), a.predictedWaitSeconds());
            assertEquals(Geo.travelMinutes(Geo.distanceKm(d.config.centres().get(0),
                d.config.centres().get(a.centre())), d.config.rules().travelKmPerHour()), a.travelMinutes());
            assertTrue(a.travelMinutes() * 60 + a.predictedWaitSeconds() < here, "better than staying");
            if (i > 0)
            {
                final Alternative before = alternatives.get(i - 1);
                assertTrue(before.travelMinutes() * 60 + before.predictedWaitSeconds()
                    <= a.travelMinutes() * 60 + a.predictedWaitSeconds(), "ordered by travel plus wait");
            }
        }
        assertTrue(alternatives.stream().noneMatch(a -> a.centre() == 0), "never the centre itself");
        assertEquals(List.of(), advisor.alternatives(d.state, 1, service, 300), "a short wait needs no redirect");
    }

    @Test
    void neverSendsAVisitorToACentreWhereNoWindowServesTheServiceNow()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.generated(6, 4, 6));
        d.atMonday(9, 0);
        for (int c = 0; c < 2; c++)
        {
            for (int w = 0; w < 4; w++)
            {
                d.open("c" + c, "w" + w, "c" + c + "s" + w);
            }
        }
        for (int i = 0; i < 30; i++)
        {
            d.issue("c0", "s2");
        }
        final int service = d.index.service("s2");
        final int here = d.state.predictedWaitSeconds(0, service);
        assertEquals(-1, d.state.predictedWaitSeconds(2, service), "an empty line with nobody to serve it is no wait");

        final List<Alternative> alternatives = new RedirectAdvisor(d.config, 600, 3, 10.0)
            .alternatives(d.state, 0, service, here);

        assertEquals(List.of(1), alternatives.stream().map(Alternative::centre).toList(),
            "only the other centre with open windows");

        d.issue("c2", "s2");
        final int unknown = d.state.predictedWaitSeconds(2, service);
        assertEquals(-1, unknown);
        assertEquals(List.of(1, 0), new RedirectAdvisor(d.config, 600, 3, 10.0)
                .alternatives(d.state, 2, service, unknown).stream().map(Alternative::centre).toList(),
            "a visitor nobody can serve here is offered every centre serving the service now, best first");
    }
}

package okno.engine.state;

import okno.config.PriorityClass;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.Command;
import okno.engine.api.TicketState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ETA counts the other lines that compete for a ticket's windows. Centre north of the small network:
 * w1 serves passport (10 min, weight 5) and tax (5 min, weight 1), w2 tax (5) and passport (1).
 */
class EtaPredictorTest
{
    private final EngineDriver d = new EngineDriver(TestNetworks.small());

    @Test
    void workOfOtherServicesOnTheSameWindowsCountsAndIsSharedByTheWindowsThatCanServeIt()
    {
        d.open("north", "w1", "anna");
        for (int i = 0; i < 3; i++)
        {
            d.issue("north", "tax");
        }
        assertEquals(3 * 300, eta("passport"), "nobody waits for passport, but w1 has 15 minutes of tax before it");

        d.open("north", "w2", "boris");
        // two passport windows now; the 15 minutes of tax are shared by both, and one passport ticket is ahead
        assertEquals((600 + 3 * 300) / 2, eta("passport"));
    }

    @Test
    void withEveryWindowBusyTheVisitsInProgressCountHalf()
    {
        d.open("north", "w1", "anna");
        d.open("north", "w2", "boris");
        d.issue("north", "passport");
        for (int i = 0; i < 3; i++)
        {
            d.issue("north", "tax");
        }
        d.callNext("north", "w1");
        d.callNext("north", "w2");
        assertEquals(TicketState.CALLED, d.ticket("north", "A001").state(), "w1 prefers passport");
        // two tax tickets (10 min) shared by both windows, half a passport visit in progress, over two windows
        assertEquals((2 * 300 + 300) / 2, eta("passport"));
    }

    @Test
    void theEscalationTimeBoundsThePrediction()
    {
        d.open("north", "w1", "anna");
        d.issue("north", "passport");
        d.callNext("north", "w1");
        for (int i = 0; i < 12; i++)
        {
            d.issue("north", "tax");
        }
        // 60 minutes of tax before it, but after 10 minutes of waiting w1 calls the passport ticket first
        assertEquals(600 + 600, eta("passport"));
    }

    @Test
    void aReplayedStatePredictsAsTheLiveOne()
    {
        d.open("north", "w1", "anna");
        d.open("north", "w2", "boris");
        for (int i = 0; i < 4; i++)
        {
            d.issue("north", "passport");
            d.issue("north", "tax");
        }
        d.callNext("north", "w1");
        d.callNext("north", "w2");
        d.issue("north", "benefit");

        final NetworkState replayed = new NetworkState(d.config);
        for (final Command c : d.journal)
        {
            replayed.replay(c);
        }
        assertEquals(d.state.stateHash(), replayed.stateHash());
        for (final String service : new String[] {"passport", "tax", "benefit"})
        {
            final int s = d.index.service(service);
            final int live = d.state.predictedWaitSeconds(0, s);
            assertEquals(live, replayed.predictedWaitSeconds(0, s), service);
            assertTrue(service.equals("benefit") ? live == EtaPredictor.UNKNOWN : live > 0, service + ": " + live);
        }
        replayed.validateInternalState();
    }

    private int eta(final String service)
    {
        final Command c = d.ok(d.issueCommand("north", PriorityClass.NORMAL, service));
        return c.resultEtaSeconds;
    }
}

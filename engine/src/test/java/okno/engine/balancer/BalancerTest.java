package okno.engine.balancer;

import okno.engine.EngineDriver;
import okno.engine.RecordedEvent;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.EventType;
import okno.engine.api.Result;
import okno.engine.api.StaffMode;
import okno.engine.state.NetworkState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancerTest
{
    @Test
    void proposesTheNearestStandbyMemberForTheOneOverloadedCentreAndWaitsForTheOperator()
    {
        final EngineDriver d = overloadedCentreTwo();

        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(BalancerMode.MANUAL, d.state.balancerMode());
        assertTrue(!proposals.isEmpty(), "an overloaded centre gets a proposal");
        final ProposalView best = proposals.get(0);
        assertEquals(d.index.centre("c2"), best.to());
        final int from = best.from();
        assertTrue(from == d.index.centre("c1") || from == d.index.centre("c3"), "a neighbour sends: " + from);
        assertEquals(StaffMode.STANDBY, d.state.staff(best.staff()).mode());
        for (final ProposalView p : proposals)
        {
            assertEquals(d.index.centre("c2"), p.to(), "only the overloaded centre receives");
        }
        final List<RecordedEvent> made = d.eventsOf(EventType.PROPOSAL_MADE);
        assertEquals(proposals.size(), made.size());
        assertEquals(best.id(), made.get(0).flag());

        d.advanceMinutes(1).tick();
        assertEquals(proposals.size(), d.eventsOf(EventType.PROPOSAL_MADE).size(), "same proposals keep their ids");
        assertEquals(StaffMode.STANDBY, d.state.staff(best.staff()).mode(), "manual mode moves nobody");

        d.ok(d.command(CommandType.ACCEPT_PROPOSAL).flag(best.id()));
        final RecordedEvent moved = d.lastEvent();
        assertEquals(EventType.STAFF_MOVED, moved.type());
        assertEquals(best.id(), moved.flag());
        assertEquals(best.staff(), moved.staff());
        assertEquals(StaffMode.TRAVELLING, d.state.staff(best.staff()).mode());
        assertEquals(1, d.state.kpi(d.index.centre("c2")).movesIn());
        d.rejected(Result.UNKNOWN_PROPOSAL, d.command(CommandType.ACCEPT_PROPOSAL).flag(best.id()));
    }

    @Test
    void autoModeMovesAtOnceAndTheCooldownStopsPingPong()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.small());
        d.atMonday(9, 0);
        d.ok(d.command(CommandType.SET_BALANCER_MODE).flag(BalancerMode.AUTO.code()));
        assertEquals(EventType.BALANCER_MODE, d.lastEvent().type());
        d.open("north", "w1", "anna");
        for (int i = 0; i < 8; i++)
        {
            d.issue("north", "passport");
        }
        sustain(d);
        final int dina = d.index.staff("dina");
        assertEquals(StaffMode.TRAVELLING, d.state.staff(dina).mode());
        assertEquals(1, d.eventsOf(EventType.PROPOSAL_ACCEPTED).size());
        assertTrue(d.state.proposals().isEmpty(), "carried out proposals are gone");

        d.advanceMinutes(40).tick();
        assertEquals(StaffMode.STANDBY, d.state.staff(dina).mode());
        assertEquals(d.index.centre("north"), d.state.staff(dina).centre(), "arrived");
        d.open("south", "w1", "gleb");
        for (int i = 0; i < 8; i++)
        {
            d.issue("south", "licence");
        }
        sustain(d);
        assertEquals(d.index.centre("north"), d.state.staff(dina).centre(), "no move back within the cooldown");
        assertEquals(1, d.eventsOf(EventType.STAFF_MOVED).size());
    }

    @Test
    void idleStaffOfAQuietCentreAreProposedAndLeaveTheirWindow()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.small());
        d.atMonday(9, 0);
        d.ok(d.command(CommandType.SET_STANDBY).staff("dina").flag(0));
        d.open("north", "w1", "anna");
        d.open("north", "w2", "boris");
        d.open("north", "w3", "vera");
        d.open("south", "w1", "gleb");
        for (int i = 0; i < 8; i++)
        {
            d.issue("south", "passport");
        }
        sustain(d);
        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(1, proposals.size(), "south has one closed window to fill");
        assertEquals(d.index.centre("north"), proposals.get(0).from());
        d.ok(d.command(CommandType.ACCEPT_PROPOSAL).flag(proposals.get(0).id()));
        assertEquals(2, d.state.centreSummary(d.index.centre("north")).openWindows(), "the window was closed");
        assertEquals(StaffMode.TRAVELLING, d.state.staff(proposals.get(0).staff()).mode());
    }

    @Test
    void balancerStateSurvivesASnapshot() throws IOException
    {
        final EngineDriver d = overloadedCentreTwo();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.state.writeSnapshot(new DataOutputStream(bytes));
        final NetworkState copy = new NetworkState(d.config);
        copy.readSnapshot(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(d.state.stateHash(), copy.stateHash());
        assertEquals(d.state.proposals(), copy.proposals());
        copy.validateInternalState();
    }

    @Test
    void aBurstThatDrainsWithinTheSustainTimeMovesNobody()
    {
        final EngineDriver d = centreTwoWith(0);
        d.ok(d.command(CommandType.SET_BALANCER_MODE).flag(BalancerMode.AUTO.code()));
        final int[] burst = new int[12];
        for (int i = 0; i < burst.length; i++)
        {
            burst[i] = d.issue("c2", "s2");
        }
        final long sustainMinutes = BalancerRules.DEFAULT.sustainMs() / 60_000L;
        for (int m = 0; m < sustainMinutes - 1; m++)
        {
            d.advanceMinutes(1).tick();
        }
        assertTrue(d.state.proposals().isEmpty(), "overloaded for less than the sustain time: no proposal yet");
        for (final int ticket : burst)
        {
            d.ok(d.command(CommandType.CANCEL_TICKET).centre("c2").ticket(ticket));
        }
        d.advanceMinutes(2).tick();
        assertTrue(d.eventsOf(EventType.STAFF_MOVED).isEmpty(), "the line drained: nobody travels");

        for (int i = 0; i < 12; i++)
        {
            d.issue("c2", "s2");
        }
        d.advanceMinutes(1).tick();
        assertTrue(d.eventsOf(EventType.STAFF_MOVED).isEmpty(), "a new overload starts its own clock");
        sustain(d);
        assertTrue(!d.eventsOf(EventType.STAFF_MOVED).isEmpty(), "a sustained overload gets staff");
    }

    @Test
    void movesFillTheNeedAndNoMore()
    {
        // 3 visitors of a 5-minute service: 15 minutes of work for one window, 7.5 with two (over 5), 5 with three
        final EngineDriver d = centreTwoWith(3);
        sustain(d);
        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(2, proposals.size(), "two more windows bring the predicted wait to 5 minutes: " + proposals);
    }

    /** Ticks every minute through the balancer's sustain time (and one evaluation more). */
    private static void sustain(final EngineDriver d)
    {
        d.tick();
        for (long m = 0; m <= BalancerRules.DEFAULT.sustainMs() / 60_000L; m++)
        {
            d.advanceMinutes(1).tick();
        }
    }

    /** Centre c2 with twelve tickets for one open window, overloaded for the sustain time. */
    private static EngineDriver overloadedCentreTwo()
    {
        final EngineDriver d = centreTwoWith(12);
        sustain(d);
        return d;
    }

    /** Five centres in a row with a standby member each; centre c2 has one window open and {@code tickets}. */
    private static EngineDriver centreTwoWith(final int tickets)
    {
        final EngineDriver d = new EngineDriver(TestNetworks.generated(5, 4, 6));
        d.atMonday(9, 0);
        d.open("c2", "w0", "c2s0");
        for (int i = 0; i < tickets; i++)
        {
            d.issue("c2", "s2");
        }
        return d;
    }
}

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
    void oneServiceOverItsWindowsGetsHelpersForItsClosedWindowsWhileTheCentreAverageIsFine()
    {
        // c2 window w has s(2+w), s(3+w), s(4+w) (mod 12): s0 is at w8, w9 and w10. Ten windows open, of s0's only
        // w10; six s0 tickets of 3 minutes: 18 minutes of work on one window, 1.8 per open window of the centre
        final EngineDriver d = new EngineDriver(TestNetworks.generated(5, 12, 12));
        d.atMonday(9, 0);
        for (int w = 0; w < 12; w++)
        {
            if (w != 8 && w != 9)
            {
                d.open("c2", "w" + w, "c2s" + w);
            }
        }
        for (int i = 0; i < 6; i++)
        {
            d.issue("c2", "s0");
        }
        sustain(d);

        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(2, proposals.size(), "one helper per closed window having s0: " + proposals);
        for (final ProposalView p : proposals)
        {
            assertEquals(d.index.centre("c2"), p.to());
        }

        // s0's desks all open, w11 (s1, s2, s3) closed: only a member trained for s0 can help that line; ten s0
        // tickets: 10 minutes to drain over its three windows, 2.7 per open window of the centre
        d.open("c2", "w8", "c2s8");
        d.open("c2", "w9", "c2s9");
        d.act(CommandType.CLOSE_WINDOW, "c2", "w11");
        for (int i = 0; i < 4; i++)
        {
            d.issue("c2", "s0");
        }
        sustain(d);
        final List<ProposalView> trained = d.state.proposals();
        assertEquals(1, trained.size(), "only the member trained for s0 is sent: " + trained);
        assertEquals(d.index.staff("c0standby"), trained.get(0).staff());
        assertEquals(d.index.centre("c2"), trained.get(0).to());
        assertEquals(d.index.service("s0"), trained.get(0).line(), "the operator sees which line the move is for");

        d.ok(d.command(CommandType.ACCEPT_PROPOSAL).flag(trained.get(0).id()));
        d.advanceMinutes(60);
        d.open("c2", "w11", "c0standby");
        final int called = d.callNext("c2", "w11");
        assertEquals(List.of(d.index.service("s0")), d.ticket("c2", called).services(), "w11 calls the s0 line");
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
        // 3 visitors of a 5-minute service: 15 minutes of work for one window. A first helper from a neighbour
        // (4 minutes away) saves about 22 visitor-minutes, a second 5.6 (7.5 minutes of line left); a third would
        // save 2.5 (5 minutes left, still over the 3-minute mark) but has to come from 8 minutes away: not worth it
        final EngineDriver d = centreTwoWith(3);
        sustain(d);
        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(2, proposals.size(), "two helpers pay for their trip, a third does not: " + proposals);
    }

    @Test
    void aQuietCentreKeepsSquareRootOfItsWindowsIdle()
    {
        // no standby anywhere: c1's four idle windows are the only spare staff; it keeps ceil(sqrt(n)) idle
        final EngineDriver d = centreTwoWith(12);
        for (int c = 0; c < 5; c++)
        {
            d.ok(d.command(CommandType.SET_STANDBY).staff("c" + c + "standby").flag(0));
        }
        for (int w = 0; w < 4; w++)
        {
            d.open("c1", "w" + w, "c1s" + w);
        }
        sustain(d);
        final List<ProposalView> proposals = d.state.proposals();
        assertEquals(2, proposals.size(), "4 idle windows: 2 given (then 2 of 2 open are idle), though c2 has 3 "
            + "closed windows and 60 minutes of work: " + proposals);
        for (final ProposalView p : proposals)
        {
            assertEquals(d.index.centre("c1"), p.from());
            assertEquals(d.index.centre("c2"), p.to());
        }
    }

    @Test
    void aCentreWhoseArrivalsOutgrowItsWindowsGetsStaffForTheLoadNotJustTheLine()
    {
        // centre 0: 4 of 10 windows open, 2 arrivals a minute of 5-minute visits (10 erlangs) for an hour, then 3
        // waiting (15 minutes of work, 3.75 per window: over the mark). The line alone asks for one more window;
        // the load asks for all six closed ones (10 + sqrt(10) > 10 windows), each saving far more than its trip
        final FixedProbe probe = new FixedProbe(3, 10);
        probe.open[0] = 4;
        final Balancer balancer = new Balancer(3, probe.staffCount(), BalancerRules.DEFAULT);
        long now = TestNetworks.monday(9, 0);
        for (int m = 0; m < 60; m++, now += 60_000L)
        {
            probe.issued[0] += 2;
            balancer.evaluate(now, probe);
        }
        assertEquals(0, balancer.proposals().count(), "no line, no proposal");
        probe.waiting[0] = 3;
        probe.backlogMs[0] = 15 * 60_000L;
        for (int m = 0; m <= BalancerRules.DEFAULT.sustainMs() / 60_000L; m++, now += 60_000L)
        {
            probe.issued[0] += 2;
            balancer.evaluate(now, probe);
        }
        assertEquals(6, balancer.proposals().count(), "every closed window of centre 0 is filled");
        for (int i = 0; i < balancer.proposals().count(); i++)
        {
            assertEquals(0, balancer.proposals().to(i));
            assertEquals(-1, balancer.proposals().line(i), "for the centre's load, not one service's line");
        }
    }

    @Test
    void theQueueTrendFollowsTheLineOverAboutAQuarterOfAnHour()
    {
        // one more visitor waiting every minute for half an hour, then one fewer: about +60 an hour, then -60
        final FixedProbe probe = new FixedProbe(2, 10);
        final Balancer balancer = new Balancer(2, probe.staffCount(), BalancerRules.DEFAULT);
        long now = TestNetworks.monday(9, 0);
        for (int m = 0; m < 30; m++, now += 60_000L)
        {
            probe.waiting[0]++;
            balancer.evaluate(now, probe);
        }
        final double rising = balancer.queueGrowthPerHour(0);
        assertTrue(rising > 45 && rising <= 60, "growing by 60 an hour, read as " + rising);
        assertEquals(0.0, balancer.queueGrowthPerHour(1), "the other centre's line did not move");
        for (int m = 0; m < 30; m++, now += 60_000L)
        {
            probe.waiting[0]--;
            balancer.evaluate(now, probe);
        }
        final double falling = balancer.queueGrowthPerHour(0);
        assertTrue(falling < -40 && falling >= -60, "shrinking by 60 an hour, read as " + falling);
        balancer.startDay();
        assertEquals(0.0, balancer.queueGrowthPerHour(0), "a new day starts flat");
    }

    /** A network read from plain arrays: standby members spread evenly over the centres, 5 minutes per hop. */
    private static final class FixedProbe implements LoadProbe
    {
        final int[] open;
        final int[] waiting;
        final long[] backlogMs;
        final long[] issued;
        private final int centres;
        private final int windows;
        private final int perCentre = 5;

        FixedProbe(final int centres, final int windows)
        {
            this.centres = centres;
            this.windows = windows;
            open = new int[centres];
            waiting = new int[centres];
            backlogMs = new long[centres];
            issued = new long[centres];
        }

        @Override
        public int centreCount()
        {
            return centres;
        }

        @Override
        public int staffCount()
        {
            return centres * perCentre;
        }

        @Override
        public boolean isOpen(final int centre)
        {
            return true;
        }

        @Override
        public int windows(final int centre)
        {
            return windows;
        }

        @Override
        public int openWindows(final int centre)
        {
            return open[centre];
        }

        @Override
        public int waiting(final int centre)
        {
            return waiting[centre];
        }

        @Override
        public long backlogMs(final int centre)
        {
            return backlogMs[centre];
        }

        @Override
        public int serviceCount()
        {
            return 0;
        }

        @Override
        public int waitingFor(final int centre, final int service)
        {
            return 0;
        }

        @Override
        public long serviceMs(final int centre, final int service)
        {
            return 0;
        }

        @Override
        public int openHaving(final int centre, final int service)
        {
            return 0;
        }

        @Override
        public int closedHaving(final int centre, final int service)
        {
            return 0;
        }

        @Override
        public boolean trained(final int staff, final int service)
        {
            return false;
        }

        @Override
        public long issuedToday(final int centre)
        {
            return issued[centre];
        }

        @Override
        public boolean anyTravelling()
        {
            return false;
        }

        @Override
        public int staffMode(final int staff)
        {
            return StaffMode.STANDBY.code();
        }

        @Override
        public int staffCentre(final int staff)
        {
            return staff / perCentre;
        }

        @Override
        public boolean idleAtWindow(final int staff)
        {
            return false;
        }

        @Override
        public long travelMs(final int from, final int to)
        {
            return 5 * 60_000L * Math.abs(from - to);
        }
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

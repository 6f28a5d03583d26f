package okno.engine.policy;

import okno.config.PriorityClass;
import okno.config.QueueRules;
import okno.engine.EngineDriver;
import okno.engine.TestNetworks;
import okno.engine.api.CommandType;
import okno.engine.api.TicketView;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallNextPolicyTest
{
    private static QueueRules rules(final int escalationMinutes, final int quota)
    {
        final QueueRules d = QueueRules.DEFAULT;
        return new QueueRules(d.promiseMinutes(), escalationMinutes, quota, d.maxCalls(), d.checkInEarlyMinutes(),
            d.checkInLateMinutes(), d.slotMinutes(), d.appointmentSharePercent(), d.travelKmPerHour());
    }

    @Test
    void priorityQuotaHoldsOverAThousandCallsWithBothClassesWaiting()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(10, 2)));
        for (int i = 0; i < 1000; i++)
        {
            d.issue("solo", "passport");
            d.issue("solo", PriorityClass.ACCESSIBILITY, i % 2 == 0 ? "passport" : "tax");
        }
        d.open("solo", "w1", "anna");
        int priority = 0;
        int run = 0;
        int longestRun = 0;
        for (int call = 0; call < 1000; call++)
        {
            final int number = d.serveNext("solo", "w1");
            final boolean isPriority = d.ticket("solo", number).priority() != PriorityClass.NORMAL.code();
            priority += isPriority ? 1 : 0;
            run = isPriority ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        assertEquals(667, priority, "two priority calls per normal call: P P N P P N ...");
        assertEquals(2, longestRun);
    }

    @Test
    void priorityGoesFirstWhenNoNormalTicketWaits()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(10, 1)));
        final int[] p = new int[3];
        for (int i = 0; i < 3; i++)
        {
            p[i] = d.issue("solo", PriorityClass.ACCESSIBILITY, "passport");
        }
        d.open("solo", "w1", "anna");
        for (int i = 0; i < 3; i++)
        {
            assertEquals(p[i], d.serveNext("solo", "w1"), "quota does not hold back priority when no normal waits");
        }
    }

    @Test
    void priorityCandidatesAreCalledOldestFirstWhateverTheWeight()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(10, 5)));
        final int normal = d.issue("solo", "passport");
        d.advanceSeconds(1);
        final int weakOld = d.issue("solo", PriorityClass.ACCESSIBILITY, "tax");
        d.advanceSeconds(1);
        final int accessibility = d.issue("solo", PriorityClass.ACCESSIBILITY, "passport");
        d.open("solo", "w1", "anna");
        assertEquals(weakOld, d.serveNext("solo", "w1"), "oldest priority ticket, even at a low weight");
        assertEquals(accessibility, d.serveNext("solo", "w1"));
        assertEquals(normal, d.serveNext("solo", "w1"));
    }

    @Test
    void escalationCallsTheLongestWaitingTicketBeforeAnyPriority()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(10, 2)));
        final int oldTax = d.issue("solo", "tax");
        d.advanceMinutes(9);
        final int accessibility = d.issue("solo", PriorityClass.ACCESSIBILITY, "passport");
        d.open("solo", "w1", "anna");
        d.advanceMinutes(1);
        assertEquals(oldTax, d.serveNext("solo", "w1"), "waited 10 min: escalated over a priority ticket");
        assertEquals(accessibility, d.serveNext("solo", "w1"));
    }

    @Test
    void weightedWaitPrefersStrongSkillsUntilWaitOutweighsThem()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(60, 2)));
        final int tax = d.issue("solo", "tax");
        d.advanceMinutes(2);
        final int passport = d.issue("solo", "passport");
        d.open("solo", "w1", "anna");
        // passport 5 x (0 + 60 s) = 300 > tax 1 x (120 + 60 s) = 180
        assertEquals(passport, d.callNext("solo", "w1"));
        d.act(CommandType.START_SERVICE, "solo", "w1");
        d.act(CommandType.COMPLETE_SERVICE, "solo", "w1");
        final int passport2 = d.issue("solo", "passport");
        d.advanceMinutes(3);
        // tax 1 x (300 + 60) = 360 < passport2 5 x (180 + 60) = 1200
        assertEquals(passport2, d.serveNext("solo", "w1"));
        final int passport3 = d.issue("solo", "passport");
        // tax 1 x (300 + 60) = 360 > passport3 5 x (0 + 60) = 300
        assertEquals(tax, d.serveNext("solo", "w1"));
        assertEquals(passport3, d.serveNext("solo", "w1"));
    }

    @Test
    void equalScoresGoToTheEarlierIssueThenTheLowerNumber()
    {
        final EngineDriver d = new EngineDriver(TestNetworks.small());
        final int a1 = d.issue("north", "tax");
        final int b1 = d.issue("north", "passport");
        d.open("north", "w3", "anna");
        assertEquals(b1, d.callNext("north", "w3"), "w3 serves only passport of these");
        d.open("north", "w1", "boris");
        final int a2 = d.issue("north", "passport");
        assertTrue(a2 > 0);
        // w1: tax weight 1 vs passport weight 5 at equal issue time: passport
        assertEquals(a2, d.callNext("north", "w1"));
        assertEquals(a1, d.ticket("north", a1).number());
    }

    @Test
    void noTicketWaitsPastThePromiseWhileACapableWindowCalls()
    {
        // One window, ~90 % heavily weighted passport traffic at ~85 % load: without escalation the weak tax
        // tickets would starve behind fresh passport tickets.
        final EngineDriver d = new EngineDriver(TestNetworks.oneWindow(rules(10, 2)));
        final SplittableRandom random = new SplittableRandom(11);
        d.open("solo", "w1", "anna");
        long maxWaitMs = 0;
        int served = 0;
        for (int minute = 0; minute < 8 * 60; minute++)
        {
            if (random.nextInt(100) < 85)
            {
                final int roll = random.nextInt(100);
                d.issue("solo", roll < 10 ? PriorityClass.ACCESSIBILITY : PriorityClass.NORMAL,
                    roll % 10 == 9 ? "tax" : "passport");
            }
            final int number = d.serveNext("solo", "w1");
            if (number >= 0)
            {
                final TicketView t = d.ticket("solo", number);
                maxWaitMs = Math.max(maxWaitMs, d.now() - t.issuedMs());
                served++;
            }
            d.advanceMinutes(1);
        }
        assertTrue(served > 300, "served " + served);
        assertTrue(maxWaitMs <= 15 * 60_000L, "longest wait " + maxWaitMs / 1000 + " s");
        assertTrue(d.state.counters(0).maxWaitMs() <= 15 * 60_000L);
    }
}

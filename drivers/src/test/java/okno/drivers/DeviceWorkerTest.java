package okno.drivers;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceWorkerTest
{
    private static final class CountingAgent implements DeviceAgent
    {
        final CountDownLatch working = new CountDownLatch(3);
        final AtomicInteger closes = new AtomicInteger();
        volatile Thread workThread;
        volatile Thread closeThread;

        @Override
        public int doWork(final long nowMs)
        {
            workThread = Thread.currentThread();
            working.countDown();
            return 0;
        }

        @Override
        public void onClose()
        {
            closeThread = Thread.currentThread();
            closes.incrementAndGet();
        }

        @Override
        public String roleName()
        {
            return "counting";
        }
    }

    @Test
    void startAndCloseAreIdempotentAndOnCloseRunsOnceOnTheWorkerThread() throws Exception
    {
        final CountingAgent agent = new CountingAgent();
        final DeviceWorker worker = new DeviceWorker(agent, Clock.systemUTC());

        worker.start();
        worker.start();
        assertTrue(agent.working.await(2, TimeUnit.SECONDS));
        worker.close();
        worker.close();

        assertEquals(1, agent.closes.get());
        assertEquals("counting", agent.closeThread.getName());
        assertEquals(agent.workThread, agent.closeThread);
    }

    @Test
    void closeWithoutStartStillClosesTheAgentOnceAndStartAfterCloseDoesNothing()
    {
        final CountingAgent agent = new CountingAgent();
        final DeviceWorker worker = new DeviceWorker(agent, Clock.systemUTC());

        worker.close();
        worker.start();
        worker.close();

        assertEquals(1, agent.closes.get());
        assertEquals(3, agent.working.getCount());
    }

    @Test
    void backoffDoublesUpToTheMaximumAndResets()
    {
        final Backoff backoff = new Backoff(100, 350);
        assertTrue(backoff.isDue(0));
        backoff.failed(0);
        assertTrue(!backoff.isDue(99) && backoff.isDue(100));
        backoff.failed(100);
        assertTrue(!backoff.isDue(299) && backoff.isDue(300));
        backoff.failed(300);
        assertEquals(350, backoff.nextDelayMs());
        backoff.failed(700);
        assertTrue(!backoff.isDue(1049) && backoff.isDue(1050));
        backoff.reset();
        assertTrue(backoff.isDue(0));
        assertEquals(100, backoff.nextDelayMs());
    }

    @Test
    void healthReporterTellsOnlyChanges()
    {
        final List<DeviceStatus> seen = new ArrayList<>();
        final HealthReporter health = new HealthReporter("d1", DeviceKind.HALL_BOARD, seen::add,
            Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));

        health.report(DeviceState.ONLINE, "ok");
        health.report(DeviceState.ONLINE, "ok");
        health.report(DeviceState.OFFLINE, "no response");
        health.report(DeviceState.OFFLINE, "port lost: /dev/x");

        assertEquals(List.of(
            new DeviceStatus("d1", DeviceKind.HALL_BOARD, DeviceState.ONLINE, "ok", 42),
            new DeviceStatus("d1", DeviceKind.HALL_BOARD, DeviceState.OFFLINE, "no response", 42),
            new DeviceStatus("d1", DeviceKind.HALL_BOARD, DeviceState.OFFLINE, "port lost: /dev/x", 42)), seen);
    }
}

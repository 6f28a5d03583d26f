package okno.drivers;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one {@link DeviceAgent} on its own thread: one thread per serial port. {@link #start()} and
 * {@link #close()} are idempotent; {@code close()} waits for the thread to end and the agent to close.
 */
public final class DeviceWorker implements AutoCloseable
{
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long JOIN_MS = 5_000;

    private final DeviceAgent agent;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean started;
    private boolean closed;

    /**
     * @param agent the loop body
     * @param clock wall clock passed to {@link DeviceAgent#doWork}
     */
    public DeviceWorker(final DeviceAgent agent, final Clock clock)
    {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = new Thread(this::run, agent.roleName());
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread; later calls do nothing. Does nothing after {@link #close()}.
     */
    public synchronized void start()
    {
        if (!started && !closed)
        {
            started = true;
            thread.start();
        }
    }

    /**
     * Ends an idle wait early, e.g. after new work was queued. Any thread.
     */
    public void wake()
    {
        LockSupport.unpark(thread);
    }

    private void run()
    {
        try
        {
            while (running)
            {
                if (agent.doWork(clock.millis()) == 0)
                {
                    LockSupport.parkNanos(IDLE_NANOS);
                }
            }
        }
        finally
        {
            agent.onClose();
        }
    }

    /**
     * Stops the loop, waits for the thread and lets the agent close its port. Later calls do nothing.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        running = false;
        if (started)
        {
            LockSupport.unpark(thread);
            try
            {
                thread.join(JOIN_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        else
        {
            agent.onClose();
        }
    }
}

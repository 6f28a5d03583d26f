package okno.engine.pipeline;

import org.agrona.concurrent.EpochClock;

import java.util.concurrent.atomic.AtomicLong;

/** A test clock that moves only when told to, or by a fixed step on every read. */
final class ManualClock implements EpochClock
{
    private final AtomicLong now;
    private final long stepPerRead;

    ManualClock(final long startMs, final long stepPerRead)
    {
        this.now = new AtomicLong(startMs);
        this.stepPerRead = stepPerRead;
    }

    @Override
    public long time()
    {
        return now.getAndAdd(stepPerRead);
    }

    void advance(final long ms)
    {
        now.addAndGet(ms);
    }
}

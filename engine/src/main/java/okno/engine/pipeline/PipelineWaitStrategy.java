package okno.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.Locale;

/**
 * How the pipeline's stages wait for work: the trade between idle CPU and hand-off latency. Spinning stages
 * need a core each (three stages plus producers), so {@link #BLOCKING} is the default for a shared machine.
 */
public enum PipelineWaitStrategy
{
    /** Lock and condition: no CPU when idle, a wake-up (tens of microseconds) per hand-off after idling. */
    BLOCKING,
    /** Spins, then sleeps in growing steps: little CPU when idle, slow first hand-off after a quiet spell. */
    SLEEPING,
    /** Spins 100 times, then {@code Thread.yield()}: low latency, a busy core per stage while the ring is idle. */
    YIELDING,
    /** Pure spin: lowest latency, only with a dedicated core per stage. */
    BUSY_SPIN;

    /** @return a new Disruptor wait strategy of this kind. */
    public WaitStrategy create()
    {
        return switch (this)
        {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /**
     * @param name case-insensitive, {@code -} or {@code _} between words
     * @return the strategy of that name
     * @throws IllegalArgumentException for an unknown name
     */
    public static PipelineWaitStrategy parse(final String name)
    {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

package okno.engine.pipeline;

import java.util.Locale;

/**
 * How the pipeline's consumer work is spread over threads. Both give the same guarantees: a caller is answered
 * only after its command is applied and journaled, one Chronicle document per Disruptor batch, replies and
 * events in ring order.
 */
public enum PipelineStages
{
    /**
     * One consumer thread per batch: journals it (one document), then applies each command, then answers it and
     * fans its events out. No hand-off between stages, and events go from the state machine to subscribers
     * without a copy into the ring. For machines with fewer cores than {@link #PARALLEL} has threads.
     */
    FUSED,
    /**
     * Journaler and business logic read the ring in parallel on two threads, a third answers after both: the
     * journal's cost is hidden behind the state machine's, at the price of two hand-offs per batch and three
     * consumer threads that each want a core.
     */
    PARALLEL;

    /**
     * Fewest processors for which {@link #PARALLEL} is the default: its three consumer threads plus at least one
     * producer. With fewer, stages time-share cores and every hand-off waits for a scheduler slot (2-core VM:
     * milliseconds of latency, a quarter of the fused throughput).
     */
    public static final int PARALLEL_MIN_PROCESSORS = 4;

    /** @return the default for a machine with that many processors. */
    public static PipelineStages forProcessors(final int processors)
    {
        return processors >= PARALLEL_MIN_PROCESSORS ? PARALLEL : FUSED;
    }

    /**
     * @param name case-insensitive
     * @return the stages of that name
     * @throws IllegalArgumentException for an unknown name
     */
    public static PipelineStages parse(final String name)
    {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

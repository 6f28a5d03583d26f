package okno.bench;

/**
 * The stalls one spinning thread saw: gaps between two consecutive reads of {@link System#nanoTime()} in a loop
 * that never blocks. A gap longer than a few microseconds is time the host took the core away (another thread, the
 * kernel, the hypervisor). Whatever runs on that thread is frozen for the gap, so an open-loop client offering
 * commands uniformly has every command that arrives more than {@code x} before a stall's end delayed by more than
 * {@code x}: the share of commands delayed beyond {@code x} is at least the sum of {@code gap - x} over the run.
 */
final class HostStalls
{
    /** Gaps up to this long are the loop itself, not a stall. */
    static final long STALL_NS = 10_000;
    /** A stall this long is a whole scheduler time slice. */
    static final long SLICE_NS = 1_000_000;
    /** The tail bound of the p99.9 latency goal. */
    static final long P999_GOAL_NS = 50_000;

    private long stalls;
    private long slices;
    private long stalledNs;
    private long beyond50Ns;
    private long maxNs;
    private long spanNs;

    /** @param gapNs time between two reads of the clock in the spin loop */
    void gap(final long gapNs)
    {
        spanNs += gapNs;
        maxNs = Math.max(maxNs, gapNs);
        if (gapNs > STALL_NS)
        {
            stalls++;
            stalledNs += gapNs - STALL_NS;
            if (gapNs > P999_GOAL_NS)
            {
                beyond50Ns += gapNs - P999_GOAL_NS;
            }
            if (gapNs > SLICE_NS)
            {
                slices++;
            }
        }
    }

    /** Adds another thread's stalls: a pipeline freezes when any of its threads does. */
    void add(final HostStalls other)
    {
        stalls += other.stalls;
        slices += other.slices;
        stalledNs += other.stalledNs;
        beyond50Ns += other.beyond50Ns;
        maxNs = Math.max(maxNs, other.maxNs);
        spanNs = Math.max(spanNs, other.spanNs);
    }

    long stalls()
    {
        return stalls;
    }

    long slices()
    {
        return slices;
    }

    long maxNs()
    {
        return maxNs;
    }

    /** @return share of uniformly offered commands delayed more than 10 µs by these stalls alone */
    double shareBeyond10us()
    {
        return spanNs == 0 ? 0 : stalledNs / (double)spanNs;
    }

    /** @return share of uniformly offered commands delayed more than 50 µs by these stalls alone */
    double shareBeyond50us()
    {
        return spanNs == 0 ? 0 : beyond50Ns / (double)spanNs;
    }

    /** @return one report line */
    String format(final String name)
    {
        return String.format("%-10s %9d %10d %10.2f %12.3f %% %12.3f %%", name, stalls, slices, maxNs / 1e6,
            100 * shareBeyond10us(), 100 * shareBeyond50us());
    }
}

package okno.engine.state;

/**
 * The SplitMix64 generator (Steele, Lea, Flood 2014): a 64-bit counter run through a strong mixing function.
 * Its whole state is one long, so it is trivially journaled, snapshotted and hashed. {@link #mix} is also the
 * building block of the state hash.
 */
public final class SplitMix64
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** @param seed initial state */
    public SplitMix64(final long seed)
    {
        this.state = seed;
    }

    /** @return the next pseudo-random value. */
    public long next()
    {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** @return the current state, for snapshots. */
    public long state()
    {
        return state;
    }

    /** Restores a state read from a snapshot. */
    public void state(final long state)
    {
        this.state = state;
    }

    /** @return a well-mixed bijective function of {@code z}. */
    public static long mix(final long z)
    {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}

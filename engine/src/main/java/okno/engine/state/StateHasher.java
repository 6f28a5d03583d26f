package okno.engine.state;

/**
 * Accumulates a 64-bit hash of state from primitive values and stable codes only. {@link #add} is order
 * sensitive (arrays, lists); maps add {@link #entry} values into a sum, which does not depend on iteration order.
 */
final class StateHasher
{
    private long hash = 0x6F6B6E6F2D737461L;

    /** Adds one value, order sensitive. */
    StateHasher add(final long value)
    {
        hash = SplitMix64.mix(hash * 0x9E3779B97F4A7C15L + value);
        return this;
    }

    /** Adds a boolean. */
    StateHasher add(final boolean value)
    {
        return add(value ? 1 : 0);
    }

    /** @return the hash so far. */
    long value()
    {
        return hash;
    }

    /** @return hash of one map entry, to be summed over a map. */
    static long entry(final long key, final long value)
    {
        return SplitMix64.mix(SplitMix64.mix(key) ^ (value + 0x2545F4914F6CDD1DL));
    }
}

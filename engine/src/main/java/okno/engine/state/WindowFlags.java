package okno.engine.state;

/**
 * Which windows of a centre are open, and which of those are free (calling nobody), as two bitsets over window
 * indexes. The ETA reads them for all the windows having a service at once, without touching the windows.
 * {@link WindowState} keeps them up to date whenever its mode or current ticket changes. Engine thread only.
 */
final class WindowFlags
{
    private final long[] open;
    private final long[] free;

    WindowFlags(final int windowCount)
    {
        open = new long[words(windowCount)];
        free = new long[open.length];
    }

    /** @return words of a bitset with one bit per window. */
    static int words(final int windowCount)
    {
        return (windowCount + 63) >>> 6;
    }

    /** @return bits of the open windows among {@code 64 * word} to {@code 64 * word + 63}. */
    long open(final int word)
    {
        return open[word];
    }

    /** @return bits of the open windows calling nobody among {@code 64 * word} to {@code 64 * word + 63}. */
    long free(final int word)
    {
        return free[word];
    }

    /** Records a window's flags. */
    void set(final int window, final boolean isOpen, final boolean isFree)
    {
        final int word = window >>> 6;
        final long bit = 1L << window;
        open[word] = isOpen ? open[word] | bit : open[word] & ~bit;
        free[word] = isOpen && isFree ? free[word] | bit : free[word] & ~bit;
    }
}

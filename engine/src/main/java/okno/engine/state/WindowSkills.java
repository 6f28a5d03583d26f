package okno.engine.state;

/**
 * The skills of all windows of one centre in one array, what call-next reads about a window. A window serves the
 * services configured for its desk and, while someone sits at it, also every service that person is trained for:
 * skills follow the person. Per window one record, at {@code window * stride}:
 * <pre>
 *   [ served bitset: words longs | desk bitset: words longs | per word, desk skills in the words before it:
 *     words longs | desk skill weights in ascending service order, one byte each, eight to a long ]
 * </pre>
 * The served bitset is the desk's plus its staff member's training. The weight of a desk service is at its rank
 * among the desk's skills (the desk skills before its word plus the set bits below it in its word); a service the
 * desk does not list has weight {@value #TRAINED_WEIGHT}, so the desk's own lines come first and the person's
 * other skills take what is left or has waited too long. Being addressed by the window's index through the
 * centre, a record is found without reading the window's object first, so call-next loads both at once.
 */
public final class WindowSkills
{
    /** Weight of a service a window serves only because its staff member is trained for it. */
    public static final int TRAINED_WEIGHT = 1;

    /** Words of a skill bitset, as {@link CentreState#lineWords()}. */
    private final int words;
    private final int stride;
    private final long[] table;

    /**
     * @param skillServices per window, distinct service indexes below {@code serviceCount}
     * @param skillWeights  per window, the weight (1..255) of each of its skills
     */
    WindowSkills(final int[][] skillServices, final int[][] skillWeights, final int serviceCount)
    {
        words = LineIndex.words(serviceCount);
        int most = 0;
        for (final int[] services : skillServices)
        {
            most = Math.max(most, services.length);
        }
        stride = 3 * words + (most + 7) / 8;
        table = new long[skillServices.length * stride];
        for (int window = 0; window < skillServices.length; window++)
        {
            build(window, skillServices[window], skillWeights[window]);
        }
    }

    private void build(final int window, final int[] services, final int[] weights)
    {
        final int base = window * stride;
        for (final int service : services)
        {
            table[base + words + (service >>> 6)] |= 1L << service;
        }
        for (int w = 1; w < words; w++)
        {
            table[base + 2 * words + w] = table[base + 2 * words + w - 1] + Long.bitCount(table[base + words + w - 1]);
        }
        for (int i = 0; i < services.length; i++)
        {
            if (weights[i] < 1 || weights[i] > 0xFF)
            {
                throw new IllegalArgumentException("window " + window + ": skill weight " + weights[i]
                    + " outside 1..255");
            }
            final int service = services[i];
            final int rank = deskRank(base, service >>> 6, service & 63);
            table[base + 3 * words + (rank >>> 3)] |= (long)(weights[i] & 0xFF) << ((rank & 7) << 3);
        }
        unseat(window);
    }

    /** The window now serves its desk's services and those its staff member is trained for. */
    void seat(final int window, final long[] trained)
    {
        final int base = window * stride;
        for (int word = 0; word < words; word++)
        {
            table[base + word] = table[base + words + word] | trained[word];
        }
    }

    /** The window's staff member left: it serves its desk's services only. */
    void unseat(final int window)
    {
        final int base = window * stride;
        System.arraycopy(table, base + words, table, base, words);
    }

    /**
     * @param window window index within the centre
     * @param word   word of the bitset: services {@code 64 * word} to {@code 64 * word + 63}
     * @return bits of the services the window serves
     */
    public long bits(final int window, final int word)
    {
        return table[window * stride + word];
    }

    /** @return bits of the services configured for the window's desk, whoever sits there. */
    public long deskBits(final int window, final int word)
    {
        return table[window * stride + words + word];
    }

    /** @return bits of the services the window serves only because of its staff member's training. */
    long trainedBits(final int window, final int word)
    {
        return bits(window, word) & ~deskBits(window, word);
    }

    /**
     * Weight of a skill found in the skill bitset, without the membership check of {@link #weightOf}: call-next
     * walks the set bits of {@link #bits} and asks for each.
     *
     * @param window window index within the centre
     * @param word   word of the skill bitset
     * @param bit    a set bit of {@code bits(window, word)}
     * @return weight (1..255) of the service {@code 64 * word + bit}
     */
    public int weightAt(final int window, final int word, final int bit)
    {
        final int base = window * stride;
        if ((table[base + words + word] & 1L << bit) == 0)
        {
            return TRAINED_WEIGHT;
        }
        final int rank = deskRank(base, word, bit);
        return (int)(table[base + 3 * words + (rank >>> 3)] >>> ((rank & 7) << 3)) & 0xFF;
    }

    /** @return weight of a service at a window, 0 when the window does not serve it. */
    public int weightOf(final int window, final int service)
    {
        if (service < 0 || (service >>> 6) >= words || (bits(window, service >>> 6) & (1L << service)) == 0)
        {
            return 0;
        }
        return weightAt(window, service >>> 6, service & 63);
    }

    /** @return words of a skill bitset. */
    int words()
    {
        return words;
    }

    private int deskRank(final int base, final int word, final int bit)
    {
        return (int)table[base + 2 * words + word] + Long.bitCount(table[base + words + word] & ((1L << bit) - 1));
    }
}

package okno.engine.state;

import okno.engine.api.WindowMode;

/**
 * One window of a centre: its skills (fixed by configuration), mode, staff member, the ticket it is calling or
 * serving and the last visit completed (places in the centre's {@link TicketTable}). The tickets transferred to
 * it wait in its transfer line ({@link CentreState#transferLine}).
 */
public final class WindowState
{
    final int index;
    private final int[] skillServices;
    private final int[] skillWeights;
    /** Words of the skill bitset, as {@link CentreState#lineWords()}. */
    private final int words;
    /**
     * What call-next reads, in one array (one or two cache lines):
     * <pre>
     *   [ skill bitset: words longs | per word, skills in the words before it: words longs |
     *     skill weights in ascending service order, one byte each, eight to a long ]
     * </pre>
     * The weight of a service is at its rank among the skills: the skills before its word plus the set bits
     * below it in its word.
     */
    private final long[] skillTable;
    private final WindowFlags flags;

    /** Written only through {@link #setMode}. */
    WindowMode mode = WindowMode.CLOSED;
    int staff = -1;
    /** Ticket called or served here, or {@link TicketTable#NONE}; written only through {@link #setCurrent}. */
    int current = TicketTable.NONE;
    /** Ticket of the last visit completed here today, or {@link TicketTable#NONE}. */
    int last = TicketTable.NONE;

    /**
     * @param skillServices distinct service indexes below {@code serviceCount}
     * @param flags         the centre's open and free windows, kept up to date by this window
     */
    WindowState(final int index, final int[] skillServices, final int[] skillWeights, final int serviceCount,
        final WindowFlags flags)
    {
        this.index = index;
        this.flags = flags;
        this.skillServices = skillServices;
        this.skillWeights = skillWeights;
        this.words = LineIndex.words(serviceCount);
        this.skillTable = new long[2 * words + (skillServices.length + 7) / 8];
        for (final int service : skillServices)
        {
            skillTable[service >>> 6] |= 1L << service;
        }
        for (int w = 1; w < words; w++)
        {
            skillTable[words + w] = skillTable[words + w - 1] + Long.bitCount(skillTable[w - 1]);
        }
        for (int i = 0; i < skillServices.length; i++)
        {
            if (skillWeights[i] < 1 || skillWeights[i] > 0xFF)
            {
                throw new IllegalArgumentException("window " + index + ": skill weight " + skillWeights[i]
                    + " outside 1..255");
            }
            final int rank = rank(skillServices[i]);
            skillTable[2 * words + (rank >>> 3)] |= (long)(skillWeights[i] & 0xFF) << ((rank & 7) << 3);
        }
    }

    /** Sets the mode, keeping the centre's window flags. */
    void setMode(final WindowMode mode)
    {
        this.mode = mode;
        flags.set(index, mode == WindowMode.OPEN, current == TicketTable.NONE);
    }

    /** Sets the ticket called or served here ({@link TicketTable#NONE}: none), keeping the centre's window flags. */
    void setCurrent(final int ticket)
    {
        current = ticket;
        flags.set(index, mode == WindowMode.OPEN, ticket == TicketTable.NONE);
    }

    /** @return whether the centre's window flags agree with this window (invariant check). */
    boolean flagsMatch()
    {
        final long bit = 1L << index;
        return ((flags.open(index >>> 6) & bit) != 0) == (mode == WindowMode.OPEN)
            && ((flags.free(index >>> 6) & bit) != 0) == (mode == WindowMode.OPEN && current == TicketTable.NONE);
    }

    private int rank(final int service)
    {
        final int word = service >>> 6;
        return (int)skillTable[words + word] + Long.bitCount(skillTable[word] & ((1L << service) - 1));
    }

    /** @return window index within its centre. */
    public int index()
    {
        return index;
    }

    /** @return number of services this window serves. */
    public int skillCount()
    {
        return skillServices.length;
    }

    /** @return service index of the i-th skill. */
    public int skillService(final int i)
    {
        return skillServices[i];
    }

    /** @return weight (1..10) of the i-th skill. */
    public int skillWeight(final int i)
    {
        return skillWeights[i];
    }

    /** @return weight of a service at this window, 0 when the window does not serve it. */
    public int weightOf(final int service)
    {
        if (service < 0 || (service >>> 6) >= words || (skillTable[service >>> 6] & (1L << service)) == 0)
        {
            return 0;
        }
        return skillWeightAt(service >>> 6, service & 63);
    }

    /**
     * Weight of a skill found in the skill bitset, without the membership check of {@link #weightOf}: call-next
     * walks the set bits of {@link #skillBits} and asks for each.
     *
     * @param word word of the skill bitset
     * @param bit  a set bit of {@code skillBits(word)}
     * @return weight (1..255) of the service {@code 64 * word + bit}
     */
    public int skillWeightAt(final int word, final int bit)
    {
        final int rank = (int)skillTable[words + word] + Long.bitCount(skillTable[word] & ((1L << bit) - 1));
        return (int)(skillTable[2 * words + (rank >>> 3)] >>> ((rank & 7) << 3)) & 0xFF;
    }

    /**
     * @param word word of the bitset: services {@code 64 * word} to {@code 64 * word + 63}
     * @return bits of the services this window serves
     */
    public long skillBits(final int word)
    {
        return skillTable[word];
    }

    /** @return closed, open or on break. */
    public WindowMode mode()
    {
        return mode;
    }
}

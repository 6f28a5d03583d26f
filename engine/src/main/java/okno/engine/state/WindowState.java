package okno.engine.state;

import okno.engine.api.WindowMode;

/**
 * One window of a centre: its skills (fixed by configuration), mode, staff member, the ticket it is calling or
 * serving, the last visit completed, and the queue of tickets transferred to it.
 */
public final class WindowState
{
    final int index;
    private final int[] skillServices;
    private final int[] skillWeights;
    /** Services of the skills as a bitset, words as {@link CentreState#lineWords()}. */
    private final long[] skillBits;
    /** Per word of {@link #skillBits}: skills in the words before it. */
    private final int[] rankBase;
    /** Skill weights in ascending service order: the weight of a service is at its rank among the skills. */
    private final int[] weightsByRank;
    final TicketQueue transfers;
    private final WindowFlags flags;

    /** Written only through {@link #setMode}. */
    WindowMode mode = WindowMode.CLOSED;
    int staff = -1;
    /** Written only through {@link #setCurrent}. */
    Ticket current;
    Ticket last;

    /**
     * @param skillServices distinct service indexes below {@code serviceCount}
     * @param flags         the centre's open and free windows, kept up to date by this window
     */
    WindowState(final int index, final int[] skillServices, final int[] skillWeights, final int serviceCount,
        final int queueId, final WindowFlags flags)
    {
        this.index = index;
        this.flags = flags;
        this.skillServices = skillServices;
        this.skillWeights = skillWeights;
        this.transfers = new TicketQueue(queueId);
        this.skillBits = new long[LineIndex.words(serviceCount)];
        for (final int service : skillServices)
        {
            skillBits[service >>> 6] |= 1L << service;
        }
        this.rankBase = new int[skillBits.length];
        for (int w = 1; w < skillBits.length; w++)
        {
            rankBase[w] = rankBase[w - 1] + Long.bitCount(skillBits[w - 1]);
        }
        this.weightsByRank = new int[skillServices.length];
        for (int i = 0; i < skillServices.length; i++)
        {
            weightsByRank[rank(skillServices[i])] = skillWeights[i];
        }
    }

    /** Sets the mode, keeping the centre's window flags. */
    void setMode(final WindowMode mode)
    {
        this.mode = mode;
        flags.set(index, mode == WindowMode.OPEN, current == null);
    }

    /** Sets the ticket called or served here ({@code null}: none), keeping the centre's window flags. */
    void setCurrent(final Ticket ticket)
    {
        current = ticket;
        flags.set(index, mode == WindowMode.OPEN, ticket == null);
    }

    /** @return whether the centre's window flags agree with this window (invariant check). */
    boolean flagsMatch()
    {
        final long bit = 1L << index;
        return ((flags.open(index >>> 6) & bit) != 0) == (mode == WindowMode.OPEN)
            && ((flags.free(index >>> 6) & bit) != 0) == (mode == WindowMode.OPEN && current == null);
    }

    private int rank(final int service)
    {
        final int word = service >>> 6;
        return rankBase[word] + Long.bitCount(skillBits[word] & ((1L << service) - 1));
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
        if (service < 0 || (service >>> 6) >= skillBits.length || (skillBits[service >>> 6] & (1L << service)) == 0)
        {
            return 0;
        }
        return weightsByRank[rank(service)];
    }

    /**
     * @param word word of the bitset: services {@code 64 * word} to {@code 64 * word + 63}
     * @return bits of the services this window serves
     */
    public long skillBits(final int word)
    {
        return skillBits[word];
    }

    /** @return tickets transferred to this window, oldest issue first. */
    public TicketQueue transfers()
    {
        return transfers;
    }

    /** @return closed, open or on break. */
    public WindowMode mode()
    {
        return mode;
    }
}

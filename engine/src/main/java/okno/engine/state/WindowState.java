package okno.engine.state;

import okno.engine.api.WindowMode;

/**
 * One window of a centre: its mode (its skills, its desk's and its staff member's, are in the centre's
 * {@link WindowSkills}, where call-next reads them), staff member, the ticket it is calling or serving and the last visit completed
 * (places in the centre's {@link TicketTable}). The tickets transferred to it wait in its transfer line
 * ({@link CentreState#transferLine}).
 */
public final class WindowState
{
    final int index;
    /** The centre's skill table, this window's record included. */
    private final WindowSkills skills;
    private final WindowFlags flags;

    /** Written only through {@link #setMode}. */
    WindowMode mode = WindowMode.CLOSED;
    int staff = -1;
    /** Ticket called or served here, or {@link TicketTable#NONE}; written only through {@link #setCurrent}. */
    int current = TicketTable.NONE;
    /** Ticket of the last visit completed here today, or {@link TicketTable#NONE}. */
    int last = TicketTable.NONE;

    /**
     * @param skills the centre's skill table, holding this window's skills and weights
     * @param flags  the centre's open and free windows, kept up to date by this window
     */
    WindowState(final int index, final WindowSkills skills, final WindowFlags flags)
    {
        this.index = index;
        this.flags = flags;
        this.skills = skills;
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

    /** @return window index within its centre. */
    public int index()
    {
        return index;
    }

    /** @return weight of a service at this window now, 0 when the window does not serve it. */
    public int weightOf(final int service)
    {
        return skills.weightOf(index, service);
    }

    /** @return closed, open or on break. */
    public WindowMode mode()
    {
        return mode;
    }
}

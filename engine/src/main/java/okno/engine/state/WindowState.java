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
    final TicketQueue transfers;

    WindowMode mode = WindowMode.CLOSED;
    int staff = -1;
    Ticket current;
    Ticket last;

    WindowState(final int index, final int[] skillServices, final int[] skillWeights, final int queueId)
    {
        this.index = index;
        this.skillServices = skillServices;
        this.skillWeights = skillWeights;
        this.transfers = new TicketQueue(queueId);
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
        for (int i = 0; i < skillServices.length; i++)
        {
            if (skillServices[i] == service)
            {
                return skillWeights[i];
            }
        }
        return 0;
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

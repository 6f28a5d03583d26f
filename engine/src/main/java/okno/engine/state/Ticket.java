package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.TicketState;

import java.util.Arrays;

/**
 * One visit of a day at a centre: a pooled, reused object. {@link #index()} is its place in the centre's pool,
 * which is also the order of issue that day. While waiting it is linked into exactly one {@link TicketQueue}.
 * Mutated only by the engine thread through {@link NetworkState}.
 */
public final class Ticket
{
    final int index;
    int number;
    int priority;
    final int[] services = new int[Command.MAX_SERVICES];
    int serviceCount;
    int currentServiceIndex;
    long issuedMs;
    TicketState state;
    int callCount;
    int window;
    int targetWindow;
    long calledMs;
    long serviceStartMs;
    boolean everCalled;
    int rating;
    long appointmentCode;

    Ticket prev;
    Ticket next;
    TicketQueue queue;

    Ticket(final int index)
    {
        this.index = index;
        reset();
    }

    /** Clears every field for reuse. */
    void reset()
    {
        number = -1;
        priority = 0;
        Arrays.fill(services, -1);
        serviceCount = 0;
        currentServiceIndex = 0;
        issuedMs = 0;
        state = null;
        callCount = 0;
        window = -1;
        targetWindow = -1;
        calledMs = 0;
        serviceStartMs = 0;
        everCalled = false;
        rating = 0;
        appointmentCode = 0;
        prev = null;
        next = null;
        queue = null;
    }

    /** @return place in the centre's pool: the order of issue today. */
    public int index()
    {
        return index;
    }

    /** @return packed number, see {@code okno.engine.api.TicketNumber}. */
    public int number()
    {
        return number;
    }

    /** @return priority class code. */
    public int priority()
    {
        return priority;
    }

    /** @return original issue time, kept through multi-service steps and transfers. */
    public long issuedMs()
    {
        return issuedMs;
    }

    /** @return service index waited for or served now. */
    public int currentService()
    {
        return services[currentServiceIndex];
    }

    /** @return life-cycle state. */
    public TicketState state()
    {
        return state;
    }

    /** @return next ticket in the same queue, or {@code null}. */
    public Ticket next()
    {
        return next;
    }

    /** @return whether this ticket comes before {@code other}: earlier issue, then lower number. */
    public boolean isBefore(final Ticket other)
    {
        return issuedMs < other.issuedMs || (issuedMs == other.issuedMs && number < other.number);
    }

    /** @return whether more services follow the current one. */
    boolean hasNextService()
    {
        return currentServiceIndex + 1 < serviceCount;
    }
}

package okno.engine.state;

import okno.engine.api.Command;
import okno.engine.api.TicketState;

import java.util.Arrays;

/**
 * The day's tickets of one centre as fixed-size records in one {@code int[]}: a ticket is its place in the table
 * (the order of issue today), and everything a command reads or writes about it lies in one 64-byte record, so
 * touching a ticket costs one cache line, not one object per field or a reference chase. The table holds no
 * object references, so the garbage collector neither scans it nor tracks writes to it.
 * <pre>
 *   record of ticket t, at t * 16 (int):
 *   [ number | issued | called | serviceStart | priority | state | callCount | window | targetWindow |
 *     prev | next | line | service | step | serviceCount | rating ]
 *     issued, called, serviceStart   ms since the start of the day (a day is 24 h: fits an int); called and
 *                                    serviceStart are -1 until the ticket is first called, first served
 *     state                          {@link TicketState#code()}, 0 for a free record
 *     prev, next, line               links of the waiting line it is in (see {@link TicketLines}), -1 for none
 *     service, step, serviceCount    current service, its place in the visit plan, services in the plan
 *   plan of ticket t, at t * {@value Command#MAX_SERVICES}: the visit's services in order (read at completion)
 *   appointment code of ticket t: a separate long column (cold)
 * </pre>
 * Arrays grow only past the largest day seen, so a steady day allocates nothing. Engine thread only.
 */
public final class TicketTable
{
    /** No ticket (an empty link, a window calling nobody). */
    public static final int NONE = -1;

    private static final int NUMBER = 0;
    private static final int ISSUED = 1;
    private static final int CALLED = 2;
    private static final int SERVICE_START = 3;
    private static final int PRIORITY = 4;
    private static final int STATE = 5;
    private static final int CALL_COUNT = 6;
    private static final int WINDOW = 7;
    private static final int TARGET_WINDOW = 8;
    private static final int PREV = 9;
    private static final int NEXT = 10;
    private static final int LINE = 11;
    private static final int SERVICE = 12;
    private static final int STEP = 13;
    private static final int SERVICE_COUNT = 14;
    private static final int RATING = 15;
    private static final int STRIDE = 16;
    private static final int PLAN = Command.MAX_SERVICES;
    private static final int INITIAL_TICKETS = 64;
    private static final TicketState[] STATES = new TicketState[TicketState.COUNT + 1];

    static
    {
        for (final TicketState s : TicketState.values())
        {
            STATES[s.code()] = s;
        }
    }

    private int[] records = new int[INITIAL_TICKETS * STRIDE];
    private int[] plans = new int[INITIAL_TICKETS * PLAN];
    private long[] appointmentCodes = new long[INITIAL_TICKETS];
    private int count;
    private long dayStartMs;

    /** @return tickets issued today. */
    public int count()
    {
        return count;
    }

    /** Forgets the day's tickets and starts the one from {@code startMs}. */
    void startDay(final long startMs)
    {
        Arrays.fill(records, 0, count * STRIDE, 0);
        Arrays.fill(appointmentCodes, 0, count, 0);
        count = 0;
        dayStartMs = startMs;
    }

    /**
     * Adds a ticket with no state yet, no line, no window, never called.
     *
     * @return its place in the table
     */
    int add(final int number, final int priority, final int[] services, final int serviceCount, final long issuedMs,
        final long appointmentCode)
    {
        if (count * STRIDE == records.length)
        {
            records = Arrays.copyOf(records, 2 * records.length);
            plans = Arrays.copyOf(plans, 2 * plans.length);
            appointmentCodes = Arrays.copyOf(appointmentCodes, 2 * appointmentCodes.length);
        }
        final int t = count++;
        final int r = t * STRIDE;
        records[r + NUMBER] = number;
        records[r + ISSUED] = offset(issuedMs);
        records[r + CALLED] = -1;
        records[r + SERVICE_START] = -1;
        records[r + PRIORITY] = priority;
        records[r + STATE] = 0;
        records[r + CALL_COUNT] = 0;
        records[r + WINDOW] = NONE;
        records[r + TARGET_WINDOW] = NONE;
        records[r + PREV] = NONE;
        records[r + NEXT] = NONE;
        records[r + LINE] = NONE;
        records[r + SERVICE] = services[0];
        records[r + STEP] = 0;
        records[r + SERVICE_COUNT] = serviceCount;
        records[r + RATING] = 0;
        System.arraycopy(services, 0, plans, t * PLAN, serviceCount);
        if (appointmentCode != 0)
        {
            // the column is zero from startDay (or growth): a ticket without appointment leaves its line untouched
            appointmentCodes[t] = appointmentCode;
        }
        return t;
    }

    private int offset(final long timeMs)
    {
        final long offsetMs = timeMs - dayStartMs;
        if (offsetMs < 0 || offsetMs > Integer.MAX_VALUE)
        {
            throw new IllegalStateException("time " + timeMs + " outside the day from " + dayStartMs);
        }
        return (int)offsetMs;
    }

    /** @return packed number, see {@code okno.engine.api.TicketNumber}. */
    public int number(final int t)
    {
        return records[t * STRIDE + NUMBER];
    }

    /** @return original issue time, kept through multi-service steps and transfers. */
    public long issuedMs(final int t)
    {
        return dayStartMs + records[t * STRIDE + ISSUED];
    }

    /**
     * @return order key of a ticket: {@code (issuedMs - dayStartMs) << 27 | number}, so that of two tickets the one
     *     issued earlier, then the one with the lower number, has the smaller key (see {@link LineIndex})
     */
    public long orderKey(final int t)
    {
        final int r = t * STRIDE;
        return (long)records[r + ISSUED] << LineIndex.NUMBER_BITS | records[r + NUMBER];
    }

    /** @return original issue time as ms since the day start: the high part of {@link #orderKey}. */
    public int orderTime(final int t)
    {
        return records[t * STRIDE + ISSUED];
    }

    /** @return priority class code. */
    public int priority(final int t)
    {
        return records[t * STRIDE + PRIORITY];
    }

    /** @return service waited for or served now. */
    public int currentService(final int t)
    {
        return records[t * STRIDE + SERVICE];
    }

    /** @return life-cycle state, {@code null} for a record not issued today. */
    public TicketState state(final int t)
    {
        return STATES[records[t * STRIDE + STATE]];
    }

    void setState(final int t, final TicketState state)
    {
        records[t * STRIDE + STATE] = state.code();
    }

    /** @return next ticket in the same waiting line, or {@link #NONE}. */
    public int next(final int t)
    {
        return records[t * STRIDE + NEXT];
    }

    int prev(final int t)
    {
        return records[t * STRIDE + PREV];
    }

    /** @return the waiting line the ticket is linked into, or {@link #NONE}. */
    int line(final int t)
    {
        return records[t * STRIDE + LINE];
    }

    void link(final int t, final int line, final int prev, final int next)
    {
        final int r = t * STRIDE;
        records[r + LINE] = line;
        records[r + PREV] = prev;
        records[r + NEXT] = next;
    }

    void setPrev(final int t, final int prev)
    {
        records[t * STRIDE + PREV] = prev;
    }

    void setNext(final int t, final int next)
    {
        records[t * STRIDE + NEXT] = next;
    }

    int serviceCount(final int t)
    {
        return records[t * STRIDE + SERVICE_COUNT];
    }

    /** @return place of the current service in the visit plan. */
    int step(final int t)
    {
        return records[t * STRIDE + STEP];
    }

    /** @return the {@code i}-th service of the visit plan. */
    int service(final int t, final int i)
    {
        return plans[t * PLAN + i];
    }

    /** @return whether more services follow the current one. */
    boolean hasNextService(final int t)
    {
        final int r = t * STRIDE;
        return records[r + STEP] + 1 < records[r + SERVICE_COUNT];
    }

    /** Moves on to the next service of the visit plan. */
    void nextService(final int t)
    {
        final int r = t * STRIDE;
        final int step = ++records[r + STEP];
        records[r + SERVICE] = plans[t * PLAN + step];
    }

    /** Replaces the current service in the visit plan (a transfer to another service). */
    void replaceCurrentService(final int t, final int service)
    {
        final int r = t * STRIDE;
        records[r + SERVICE] = service;
        plans[t * PLAN + records[r + STEP]] = service;
    }

    int callCount(final int t)
    {
        return records[t * STRIDE + CALL_COUNT];
    }

    void setCallCount(final int t, final int calls)
    {
        records[t * STRIDE + CALL_COUNT] = calls;
    }

    /** @return window calling or serving it (also a past window for done tickets), or -1. */
    int window(final int t)
    {
        return records[t * STRIDE + WINDOW];
    }

    void setWindow(final int t, final int window)
    {
        records[t * STRIDE + WINDOW] = window;
    }

    /** @return window the ticket was transferred to, or -1. */
    int targetWindow(final int t)
    {
        return records[t * STRIDE + TARGET_WINDOW];
    }

    void setTargetWindow(final int t, final int window)
    {
        records[t * STRIDE + TARGET_WINDOW] = window;
    }

    boolean everCalled(final int t)
    {
        return records[t * STRIDE + CALLED] >= 0;
    }

    /** @return time of the latest call, 0 before the first. */
    long calledMs(final int t)
    {
        final int called = records[t * STRIDE + CALLED];
        return called < 0 ? 0 : dayStartMs + called;
    }

    void setCalledMs(final int t, final long timeMs)
    {
        records[t * STRIDE + CALLED] = offset(timeMs);
    }

    /** @return start of the current (or last) service, 0 before the first. */
    long serviceStartMs(final int t)
    {
        final int start = records[t * STRIDE + SERVICE_START];
        return start < 0 ? 0 : dayStartMs + start;
    }

    void setServiceStartMs(final int t, final long timeMs)
    {
        records[t * STRIDE + SERVICE_START] = offset(timeMs);
    }

    int rating(final int t)
    {
        return records[t * STRIDE + RATING];
    }

    void setRating(final int t, final int score)
    {
        records[t * STRIDE + RATING] = score;
    }

    long appointmentCode(final int t)
    {
        return appointmentCodes[t];
    }

    /**
     * Restores a ticket from a snapshot (times absolute, as the snapshot has them), with no state yet.
     *
     * @return its place in the table
     */
    int restore(final int number, final int priority, final int[] services, final int serviceCount,
        final int step, final long issuedMs, final int callCount, final int window,
        final int targetWindow, final long calledMs, final long serviceStartMs, final boolean everCalled,
        final int rating, final long appointmentCode)
    {
        final int t = add(number, priority, services, serviceCount, issuedMs, appointmentCode);
        final int r = t * STRIDE;
        records[r + STEP] = step;
        records[r + SERVICE] = services[step];
        records[r + CALL_COUNT] = callCount;
        records[r + WINDOW] = window;
        records[r + TARGET_WINDOW] = targetWindow;
        records[r + CALLED] = everCalled ? offset(calledMs) : -1;
        records[r + SERVICE_START] = serviceStartMs == 0 ? -1 : offset(serviceStartMs);
        records[r + RATING] = rating;
        return t;
    }
}

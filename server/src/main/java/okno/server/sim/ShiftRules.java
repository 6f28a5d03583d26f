package okno.server.sim;

/**
 * Working time of the simulated staff. A staff member's shift starts when they first take a window (or set off
 * for another centre) and lasts {@code shiftMs}; they are paid for the whole shift (see {@link Roster}). In each
 * {@code blockMs} of the shift they take one break of {@code breakMs}, staggered by staff member between 3/8 and
 * 6/8 of the block, so a centre's breaks spread out; a window whose member is on break is covered by a relief
 * window while the plan needs it.
 *
 * @param shiftMs longest shift
 * @param breakMs length of one break, 0 for none
 * @param blockMs one break in each block of this length
 */
public record ShiftRules(long shiftMs, long breakMs, long blockMs)
{
    /**
     * 12-hour shifts (the centres' "two days on, two off" rota covers a whole opening day) with a 30-minute break
     * in every 4 hours.
     */
    public static final ShiftRules CITY = new ShiftRules(12 * 3_600_000L, 30 * 60_000L, 4 * 3_600_000L);
    /** Staff work as long as needed without breaks (queueing checks against Erlang C). */
    public static final ShiftRules NONE = new ShiftRules(Long.MAX_VALUE / 4, 0, Long.MAX_VALUE / 4);

    public ShiftRules
    {
        if (shiftMs <= 0 || breakMs < 0 || blockMs <= 0 || breakMs > blockMs / 4)
        {
            throw new IllegalArgumentException("shift rules out of range: " + shiftMs + ", " + breakMs + ", "
                + blockMs);
        }
    }

    /** @return start of a member's break in block {@code k}, relative to the shift start; -1 when none. */
    long breakOffsetMs(final int member, final int k)
    {
        final long offset = k * blockMs + blockMs * (3 + member % 4) / 8;
        return breakMs == 0 || offset + breakMs > shiftMs ? -1 : offset;
    }
}

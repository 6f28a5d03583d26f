package okno.engine.policy;

import okno.config.PriorityClass;
import okno.engine.state.CentreState;
import okno.engine.state.TicketTable;
import okno.engine.state.WindowSkills;

/**
 * Which ticket a window calls next: a pure function of the centre's state, the window, the time and the rules.
 *
 * <p><b>Candidates</b> are the waiting tickets whose current service the window serves (each with the window's
 * skill weight for that service) plus the tickets transferred to this window. Postponed tickets are never
 * candidates (only a call by number brings them back). Wait is always measured from the ticket's ORIGINAL
 * issue time, which a multi-service visit and a transfer keep.
 * <ol>
 *   <li><b>Escalation.</b> If any candidate has waited at least {@code escalationMinutes}, call the one that
 *       has waited longest, whatever its class or weight: no ticket outstays the promise while a window that
 *       can serve it is calling.</li>
 *   <li><b>Priority quota.</b> If accessibility or appointment candidates exist, and either no normal
 *       candidate exists or the centre has made fewer than {@code priorityQuota} consecutive priority calls
 *       while normal tickets waited, call the best priority candidate: accessibility and appointment alike,
 *       oldest issue first. Calling a normal ticket resets the centre's counter.</li>
 *   <li><b>Weighted wait.</b> Otherwise call the normal candidate with the highest score
 *       {@code weight x (wait + 60 s)}; the 60 s make the weight count even for a ticket issued just now.</li>
 * </ol>
 * Ties are broken by earlier issue, then lower ticket number.
 *
 * <p><b>Cost.</b> Each centre keeps one line per service and priority class, ordered by issue time, so the
 * oldest (and, within one line, best scoring) ticket is the line's head. The centre also keeps, per class, a
 * bitset of the services whose line is non-empty; each window's skills are a bitset over services in the
 * centre's {@link WindowSkills}. A call ANDs the two word by word and compares only the heads of lines that are
 * both served and non-empty (plus the window's own transfers), never empty lines and never the whole queue. Line
 * heads are compared by the order key (issue time, then number) the centre keeps in compact arrays: the issue
 * times, an int each, are compared first and the full keys read only when two times tie, so only the winner's
 * ticket record is read. The order in which candidates are considered does not matter: every comparison is a
 * total order (issue time, then number).
 *
 * <p>The instance only holds the scratch of the call in progress (so a call allocates nothing); the answer
 * depends on the arguments alone. Engine thread only.
 */
public final class CallNextPolicy
{
    private static final long SCORE_BIAS_MS = 60_000L;
    private static final int NORMAL = PriorityClass.NORMAL.code();
    private static final int ACCESSIBILITY = PriorityClass.ACCESSIBILITY.code();
    private static final int APPOINTMENT = PriorityClass.APPOINTMENT.code();
    /** Candidate reference of no candidate; line ids are >= 0, transferred tickets are -2 - the ticket. */
    private static final int NONE = -1;

    /** The centre of the call in progress (for the keys of candidates whose issue times tie). */
    private CentreState centre;
    private int oldest;
    private int oldestTime;
    private int bestPriority;
    private int bestPriorityTime;
    private int bestNormal;
    private int bestNormalTime;
    private long bestNormalScore;
    private boolean normalWaiting;

    /**
     * Picks the ticket the window should call.
     *
     * @param centre            state of the window's centre
     * @param window            index of the calling window in its centre
     * @param nowMs             engine time
     * @param escalationMs      wait from which a ticket is called first
     * @param priorityQuota     consecutive priority calls allowed while normal tickets wait
     * @return the ticket to call (its place in the centre's {@link TicketTable}), or {@link TicketTable#NONE} when
     *     the window has no candidate
     */
    public int pick(final CentreState centre, final int window, final long nowMs,
        final long escalationMs, final int priorityQuota)
    {
        final WindowSkills skills = centre.skills();
        this.centre = centre;
        oldest = NONE;
        bestPriority = NONE;
        bestNormal = NONE;
        bestNormalScore = Long.MIN_VALUE;
        normalWaiting = false;
        for (int word = 0; word < centre.lineWords(); word++)
        {
            final long served = skills.bits(window, word);
            if (served != 0)
            {
                considerNormalLines(skills, window, word, served & centre.waitingLines(NORMAL, word), nowMs);
                considerPriorityLines(ACCESSIBILITY, word, served & centre.waitingLines(ACCESSIBILITY, word));
                considerPriorityLines(APPOINTMENT, word, served & centre.waitingLines(APPOINTMENT, word));
            }
        }
        final TicketTable tickets = centre.tickets();
        for (int t = centre.lineHead(centre.transferLine(window)); t != TicketTable.NONE; t = tickets.next(t))
        {
            if (tickets.priority(t) == NORMAL)
            {
                considerNormal(-2 - t, tickets.orderTime(t), skills.weightOf(window, tickets.currentService(t)),
                    nowMs);
            }
            else
            {
                considerPriority(-2 - t, tickets.orderTime(t));
            }
        }
        this.centre = null;
        if (oldest == NONE)
        {
            return TicketTable.NONE;
        }
        if (nowMs - centre.issuedMsAt(oldestTime) >= escalationMs)
        {
            return resolve(centre, oldest);
        }
        if (bestPriority != NONE && (!normalWaiting || centre.consecutivePriorityCalls() < priorityQuota))
        {
            return resolve(centre, bestPriority);
        }
        return resolve(centre, bestNormal);
    }

    /** @return whether the last {@link #pick} saw a normal candidate (the quota counts only such calls). */
    public boolean normalWaiting()
    {
        return normalWaiting;
    }

    /** Considers the heads of the normal lines whose services are the set bits of {@code lines}. */
    private void considerNormalLines(final WindowSkills skills, final int window, final int word, final long lines,
        final long nowMs)
    {
        long bits = lines;
        while (bits != 0)
        {
            final int bit = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            final int service = (word << 6) + bit;
            considerNormal(CentreState.lineId(service, NORMAL), centre.lineHeadTime(service, NORMAL),
                skills.weightAt(window, word, bit), nowMs);
        }
    }

    /** Considers the heads of the lines of a priority class whose services are the set bits of {@code lines}. */
    private void considerPriorityLines(final int priority, final int word, final long lines)
    {
        long bits = lines;
        while (bits != 0)
        {
            final int service = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            considerPriority(CentreState.lineId(service, priority), centre.lineHeadTime(service, priority));
        }
    }

    /**
     * @param time   issue time, ms since the day start (as {@link TicketTable#orderTime})
     * @param weight the window's skill weight for the candidate's service
     */
    private void considerNormal(final int ref, final int time, final int weight, final long nowMs)
    {
        considerOldest(ref, time);
        normalWaiting = true;
        final long score = weight * (nowMs - centre.issuedMsAt(time) + SCORE_BIAS_MS);
        if (score > bestNormalScore || (score == bestNormalScore && before(ref, time, bestNormal, bestNormalTime)))
        {
            bestNormal = ref;
            bestNormalTime = time;
            bestNormalScore = score;
        }
    }

    private void considerPriority(final int ref, final int time)
    {
        considerOldest(ref, time);
        if (bestPriority == NONE || before(ref, time, bestPriority, bestPriorityTime))
        {
            bestPriority = ref;
            bestPriorityTime = time;
        }
    }

    private void considerOldest(final int ref, final int time)
    {
        if (oldest == NONE || before(ref, time, oldest, oldestTime))
        {
            oldest = ref;
            oldestTime = time;
        }
    }

    /**
     * @return whether candidate {@code ref} comes before candidate {@code other} in the order of their keys (issue
     *     time, then number); the keys are read only when the times tie
     */
    private boolean before(final int ref, final int time, final int other, final int otherTime)
    {
        return time < otherTime || time == otherTime && key(ref) < key(other);
    }

    /** @return order key of a candidate (see {@link TicketTable#orderKey}). */
    private long key(final int ref)
    {
        return ref >= 0 ? centre.lineHeadKey(ref) : centre.tickets().orderKey(-2 - ref);
    }

    private static int resolve(final CentreState centre, final int ref)
    {
        return ref >= 0 ? centre.lineHead(ref) : -2 - ref;
    }
}
